package org.carereviews.identity;

import static org.carereviews.identity.Roles.ADMIN;
import static org.carereviews.identity.Roles.AUDITOR;
import static org.carereviews.identity.Roles.BOARD_MEMBER;
import static org.carereviews.identity.Roles.CTR_CHAIR;
import static org.carereviews.identity.Roles.CTR_CLINICIAN;
import static org.carereviews.identity.Roles.CTR_EXPERT;
import static org.carereviews.identity.Roles.DIRECTOR;
import static org.carereviews.identity.Roles.FINANCE_VALIDATOR;
import static org.carereviews.identity.Roles.HEAD_OF_FINANCE;
import static org.carereviews.identity.Roles.PANEL_ASC;
import static org.carereviews.identity.Roles.PANEL_COMMISSIONING;
import static org.carereviews.identity.Roles.PANEL_FINANCE;
import static org.carereviews.identity.Roles.SOCIAL_WORKER;
import static org.carereviews.identity.Roles.TEAM_MANAGER;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which roles may use which part of the API, checked before any capability's code (and before the
 * request body is read). The capabilities then check the record: the person's team, the panel seat,
 * the CTR role. Anything under {@code /api} without a rule here is refused. The
 * authorization-matrix test (src/test/resources/security/authorization-matrix.csv) holds every
 * endpoint to these rules.
 *
 * <ul>
 *   <li>Conversation and clinical notes (reviews, CTR) are not for finance or the board.
 *   <li>CTR records: the CTR roles and the person's team only.
 *   <li>Money (savings): finance, the panel's finance seat, the board, the director, auditors; a
 *       saving's validation also its recorder (a team's worker or manager).
 *   <li>People and packages: the person's team and the council-wide roles that work case by case;
 *       not the board, which sees figures.
 *   <li>The audit trail: auditors only.
 *   <li>Teams and cohorts: read by anyone signed in, recorded by administrators.
 * </ul>
 */
final class ApiAccessRules {

  static final Set<String> TEAM = Set.of(SOCIAL_WORKER, TEAM_MANAGER);
  static final Set<String> PANEL = Set.of(PANEL_ASC, PANEL_FINANCE, PANEL_COMMISSIONING);
  static final Set<String> FINANCE = Set.of(FINANCE_VALIDATOR, HEAD_OF_FINANCE);
  static final Set<String> CTR = Set.of(CTR_CHAIR, CTR_CLINICIAN, CTR_EXPERT);
  static final Set<String> OVERSIGHT = Set.of(DIRECTOR, AUDITOR, ADMIN);

  // Path patterns, not MVC matchers: /engine-rest is Camunda's Jersey servlet, outside Spring MVC.
  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  private ApiAccessRules() {}

  static void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          api) {
    api.requestMatchers(paths("/api/audit"), paths("/api/audit/**"))
        .hasAuthority(authority(AUDITOR))
        .requestMatchers(paths("/api/ctr/**"))
        .hasAnyAuthority(authorities(CTR, TEAM))
        .requestMatchers(
            paths("/api/reviews"), paths("/api/reviews/**"), paths("/api/people/*/reviews"))
        .hasAnyAuthority(authorities(TEAM, Set.of(PANEL_ASC), OVERSIGHT))
        // A saving's validation is also its recorder's (a worker or manager resubmits or withdraws
        // it).
        .requestMatchers(paths("/api/savings/validations/**"))
        .hasAnyAuthority(authorities(TEAM, FINANCE, Set.of(BOARD_MEMBER, DIRECTOR, AUDITOR)))
        .requestMatchers(paths("/api/savings/**"))
        .hasAnyAuthority(
            authorities(FINANCE, Set.of(PANEL_FINANCE, BOARD_MEMBER, DIRECTOR, AUDITOR)))
        .requestMatchers(paths("/api/panel/measures"))
        .hasAnyAuthority(
            authorities(PANEL, Set.of(TEAM_MANAGER, HEAD_OF_FINANCE, DIRECTOR, AUDITOR)))
        .requestMatchers(paths("/api/panel/**"))
        .hasAnyAuthority(authorities(TEAM, PANEL, OVERSIGHT))
        .requestMatchers(paths("/api/people"), paths("/api/people/**"), paths("/api/packages/**"))
        .hasAnyAuthority(authorities(TEAM, PANEL, FINANCE, CTR, OVERSIGHT))
        // Reference data (teams, cohorts): anyone signed in reads it; administrators record it.
        .requestMatchers(
            PATHS.matcher(HttpMethod.POST, "/api/teams"),
            PATHS.matcher(HttpMethod.POST, "/api/cohorts"))
        .hasAuthority(authority(ADMIN))
        .requestMatchers(
            PATHS.matcher(HttpMethod.GET, "/api/teams"),
            PATHS.matcher(HttpMethod.GET, "/api/cohorts"))
        .authenticated()
        .requestMatchers(paths("/api/**"))
        .denyAll()
        // The actuator beyond its health probes (which are open): administrators.
        .requestMatchers(paths("/actuator/**"))
        .hasAuthority(authority(ADMIN))
        // Camunda's REST API: any signed-in user; Camunda's authorizations decide what they see.
        .anyRequest()
        .authenticated();
  }

  private static RequestMatcher paths(String pattern) {
    return PATHS.matcher(pattern);
  }

  private static String authority(String role) {
    return CurrentUser.GROUP_AUTHORITY_PREFIX + role;
  }

  @SafeVarargs
  private static String[] authorities(Set<String>... roleSets) {
    Set<String> all = new LinkedHashSet<>();
    for (Set<String> roles : roleSets) {
      roles.stream().sorted().map(ApiAccessRules::authority).forEach(all::add);
    }
    return all.toArray(String[]::new);
  }
}
