package org.carereviews.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookViews.PackageHistoryView;
import org.carereviews.casebook.CasebookViews.PersonView;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.identity.CareUser;
import org.carereviews.panel.PackageRequest;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelRequestService;
import org.carereviews.review.PersonReviews;
import org.carereviews.review.PersonReviews.ReviewSummary;
import org.springframework.stereotype.Service;

/**
 * A person's record as the workspace shows it, read through the capabilities' public services, each
 * with its own access check (the casebook's team scoping first): the person, every package with its
 * version history, their reviews, and their package requests with the decisions on them.
 */
@Service
class PersonRecords {

  /** One package request and, once decided, its decision. */
  record RequestWithDecision(PackageRequest request, Optional<PanelDecisionView> decision) {}

  /** Everything the person page shows. */
  record PersonRecord(
      PersonView person,
      List<PackageHistoryView> packages,
      List<ReviewSummary> reviews,
      List<RequestWithDecision> requests) {}

  private final CasebookService casebook;
  private final PersonReviews reviews;
  private final PanelRequestService panel;

  PersonRecords(CasebookService casebook, PersonReviews reviews, PanelRequestService panel) {
    this.casebook = casebook;
    this.reviews = reviews;
    this.panel = panel;
  }

  /**
   * The id of the person a reference names; {@link RecordNotFoundException} for none. Tells nothing
   * but the id: {@link #read} checks that the user may see them.
   */
  long idOf(String reference) {
    return casebook
        .personIdOf(reference)
        .orElseThrow(() -> new RecordNotFoundException("person", reference));
  }

  /**
   * The person's record; refused (404 page) for a person of another team, and audited either way,
   * as the API.
   */
  @Audited(action = AuditAction.READ, record = "person", id = "#personId")
  PersonRecord read(CareUser user, long personId) {
    PersonView person = casebook.getPerson(user, personId);
    List<PackageHistoryView> packages =
        person.packages().stream()
            .map(carePackage -> casebook.getPackage(user, carePackage.id()))
            .toList();
    List<RequestWithDecision> requests = new ArrayList<>();
    for (PackageRequest request : panel.requestsOf(personId)) {
      requests.add(new RequestWithDecision(request, decisionOn(request.getId())));
    }
    return new PersonRecord(person, packages, reviews.ofPerson(user, personId), requests);
  }

  private Optional<PanelDecisionView> decisionOn(long requestId) {
    try {
      return Optional.of(panel.decision(PackageRequestId.of(requestId)));
    } catch (RecordNotFoundException undecided) {
      return Optional.empty();
    }
  }
}
