package org.carereviews.workspace.ctr;

import java.util.Comparator;
import java.util.List;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.ctr.CtrRegister;
import org.carereviews.ctr.CtrReviewsApi;
import org.carereviews.ctr.CtrSchedule;
import org.carereviews.ctr.CtrViews.DueItemView;
import org.carereviews.ctr.CtrViews.RegisterEntryView;
import org.carereviews.ctr.Rating;
import org.carereviews.identity.CareUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dynamic support register, {@code /ctr}, for CTR chairs and commissioners (and the people's
 * teams): who is on it with their rating (red, amber, green; blue in hospital), consent, key worker
 * and next register review; the CTRs due and overdue; the actions overdue. Read through ctr's own
 * services, which decide who sees whom.
 */
@Controller
class CtrRegisterController {

  private static final List<Rating> ORDER =
      List.of(Rating.BLUE, Rating.RED, Rating.AMBER, Rating.GREEN);

  private final CtrRegister register;
  private final CtrSchedule schedule;
  private final CtrReviewsApi reviews;

  CtrRegisterController(CtrRegister register, CtrSchedule schedule, CtrReviewsApi reviews) {
    this.register = register;
    this.schedule = schedule;
    this.reviews = reviews;
  }

  @GetMapping("/ctr")
  @Audited(action = AuditAction.LIST, record = "ctr-register")
  String register(CareUser user, Model model) {
    List<RegisterEntryView> entries =
        register.list(user, null).stream()
            .sorted(
                Comparator.comparing((RegisterEntryView e) -> ORDER.indexOf(e.rating()))
                    .thenComparing(RegisterEntryView::nextReviewDate))
            .toList();
    List<DueItemView> due =
        schedule.due(user).stream().sorted(Comparator.comparing(DueItemView::dueDate)).toList();
    model.addAttribute("entries", entries);
    model.addAttribute("due", due);
    model.addAttribute("overdueCount", due.stream().filter(DueItemView::overdue).count());
    model.addAttribute("actions", reviews.actions(user, true));
    return "workspace/ctr/register";
  }
}
