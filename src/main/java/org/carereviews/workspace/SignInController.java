package org.carereviews.workspace;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Without Keycloak (the embedded default) it is the form that Spring Security's
 * form sign-in takes ({@code identity/WorkspaceSecurityConfiguration}); a failed sign-in is
 * forwarded here (the POST, inside the server) to show the error summary. With Keycloak it offers
 * Keycloak's sign-in.
 */
@Controller
class SignInController {

  static final String VIEW = "workspace/sign-in";

  /** An error of the form: the field it links to and what to do. */
  record FieldError(String field, String message) {}

  private final boolean keycloak;

  SignInController(ObjectProvider<ClientRegistrationRepository> keycloak) {
    this.keycloak = keycloak.getIfAvailable() != null;
  }

  @GetMapping("/sign-in")
  String signIn(
      @RequestParam(name = "signed-out", required = false) String signedOut,
      @RequestParam(required = false) String expired,
      Model model) {
    if (signedIn() && signedOut == null) {
      return "redirect:/";
    }
    model.addAttribute("keycloak", keycloak);
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute("expired", signedOut == null && expired != null);
    model.addAttribute("errors", List.of());
    return VIEW;
  }

  /** After a failed sign-in: the form again, with what to do. The password is never shown again. */
  @PostMapping("/sign-in/failed")
  String failed(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String password,
      Model model) {
    List<FieldError> errors = new ArrayList<>();
    boolean noUser = username == null || username.isBlank();
    boolean noPassword = password == null || password.isEmpty();
    if (noUser) {
      errors.add(new FieldError("username", "Enter your user name"));
    }
    if (noPassword) {
      errors.add(new FieldError("password", "Enter your password"));
    }
    if (!noUser && !noPassword) {
      errors.add(new FieldError("username", "Enter a correct user name and password"));
    }
    model.addAttribute("keycloak", keycloak);
    model.addAttribute("signedOut", false);
    model.addAttribute("expired", false);
    model.addAttribute("errors", errors);
    model.addAttribute("username", username == null ? "" : username.strip());
    return VIEW;
  }

  private static boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }
}
