package org.carereviews.workspace;

import java.util.TreeSet;
import org.carereviews.identity.CareUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page, {@code /}: "My work" (for now: who is signed in, and where to find people). */
@Controller
class HomeController {

  @GetMapping("/")
  String home(CareUser user, Model model) {
    model.addAttribute("roles", new TreeSet<>(user.roles()));
    model.addAttribute("teams", new TreeSet<>(user.teamCodes()));
    model.addAttribute("readsAllTeams", user.readsAllTeams());
    model.addAttribute("boardMember", user.hasRole(org.carereviews.identity.Roles.BOARD_MEMBER));
    model.addAttribute("ctrMember", user.hasAnyRole(java.util.Set.of(org.carereviews.identity.Roles.CTR_CHAIR,
        org.carereviews.identity.Roles.CTR_CLINICIAN, org.carereviews.identity.Roles.CTR_EXPERT)));
    return "workspace/home";
  }
}
