package org.carereviews.workspace;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PeopleFilter;
import org.carereviews.casebook.CasebookViews.PersonView;
import org.carereviews.common.web.PageResponse;
import org.carereviews.ctr.CtrRegister;
import org.carereviews.ctr.CtrWork;
import org.carereviews.identity.CareUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * People: find a person by name or reference among those the user may see ({@code /people?q=}), and
 * a person's record ({@code /people/P-000123}). Both audited as the API's are.
 */
@Controller
class PeopleController {

  /** The most people one search shows; more: the page asks for a closer search. */
  static final int MAX_RESULTS = 50;

  static final int MIN_QUERY = 2;
  static final int MAX_QUERY = 100;

  private static final Pattern REFERENCE = Pattern.compile("[Pp]-?[0-9]{1,9}");

  private final CasebookService casebook;
  private final PersonRecords records;
  private final CtrWork ctr;
  private final CtrRegister ctrRegister;

  PeopleController(
      CasebookService casebook, PersonRecords records, CtrWork ctr, CtrRegister ctrRegister) {
    this.casebook = casebook;
    this.records = records;
    this.ctr = ctr;
    this.ctrRegister = ctrRegister;
  }

  @GetMapping("/people")
  @Audited(action = AuditAction.LIST, record = "person")
  String search(@RequestParam(required = false) String q, CareUser user, Model model) {
    String query = q == null ? "" : q.strip();
    model.addAttribute("q", query);
    if (query.isEmpty()) {
      model.addAttribute("searched", false);
      return "workspace/people";
    }
    if (query.length() < MIN_QUERY || query.length() > MAX_QUERY) {
      model.addAttribute("searched", false);
      model.addAttribute(
          "error",
          query.length() < MIN_QUERY
              ? "Enter at least "
                  + MIN_QUERY
                  + " characters of a name, or a reference such as P-000123"
              : "Enter " + MAX_QUERY + " characters or fewer");
      return "workspace/people";
    }
    List<PersonView> found;
    long total;
    if (REFERENCE.matcher(query).matches()) {
      found = byReference(user, reference(query));
      total = found.size();
    } else {
      PageResponse<PersonView> page =
          casebook.findPeople(
              user,
              new PeopleFilter(null, null, null, query),
              PageRequest.of(0, MAX_RESULTS, Sort.by("displayName", "id")));
      found = page.content();
      total = page.totalElements();
    }
    model.addAttribute("searched", true);
    model.addAttribute("people", found);
    model.addAttribute("total", total);
    model.addAttribute("more", total > found.size());
    return "workspace/people";
  }

  @GetMapping("/people/{reference}")
  String person(@PathVariable String reference, CareUser user, Model model) {
    long personId = records.idOf(reference(reference));
    model.addAttribute("record", records.read(user, personId));
    model.addAttribute("onCtrRegister", ctr.onRegister(user, personId));
    model.addAttribute("ctrAddable", ctrRegister.addable(user, personId).isPresent());
    return "workspace/person";
  }

  /** {@code p123}, {@code P-123} and {@code P-000123} all name {@code P-000123}. */
  static String reference(String text) {
    String digits = text.strip().toUpperCase(Locale.ROOT).replaceFirst("^P-?", "");
    if (!digits.matches("[0-9]{1,9}")) {
      return text.strip().toUpperCase(Locale.ROOT);
    }
    return String.format("P-%06d", Long.parseLong(digits));
  }

  private List<PersonView> byReference(CareUser user, String reference) {
    return casebook
        .personIdOf(reference)
        .map(
            id -> {
              try {
                return List.of(casebook.getPerson(user, id));
              } catch (AccessDeniedException anotherTeams) {
                return List.<PersonView>of();
              }
            })
        .orElse(List.of());
  }
}
