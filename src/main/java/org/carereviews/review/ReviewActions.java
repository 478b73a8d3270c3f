package org.carereviews.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.casebook.CasebookService;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.PageResponse;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.review.ReviewRequests.ChcDecision;
import org.carereviews.review.ReviewRequests.Reassessment;
import org.carereviews.review.ReviewViews.ChangeView;
import org.carereviews.review.ReviewViews.EventView;
import org.carereviews.review.ReviewViews.ReviewDetailView;
import org.carereviews.review.ReviewViews.ReviewView;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What workers and managers do with reviews through the API, with team scoping: only the person's
 * team sees a review, and only its workers and managers act on it. A refused action changes nothing
 * (one transaction with the engine's own).
 */
@Service
class ReviewActions {

  private final Reviews reviews;
  private final ReviewRecords records;
  private final ReviewConduct conduct;
  private final ReviewChanges changes;
  private final Workflow workflow;
  private final Clock clock;
  private final CasebookService casebook;

  ReviewActions(
      Reviews reviews,
      ReviewRecords records,
      ReviewConduct conduct,
      ReviewChanges changes,
      Workflow workflow,
      Clock clock,
      CasebookService casebook) {
    this.casebook = casebook;
    this.reviews = reviews;
    this.records = records;
    this.conduct = conduct;
    this.changes = changes;
    this.workflow = workflow;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  ReviewDetailView review(CareUser user, long reviewId) {
    Review review = readable(user, reviewId);
    return new ReviewDetailView(
        view(review),
        records.history(reviewId).stream().map(EventView::of).toList(),
        changes.findByCareReviewIdOrderById(reviewId).stream().map(ChangeView::of).toList());
  }

  @Transactional(readOnly = true)
  PageResponse<ReviewView> teamReviews(
      CareUser user, String teamCode, ReviewStatus status, Pageable page) {
    return PageResponse.of(
        reviews.findByTeams(allTeams(user, teamCode), teams(user, teamCode), status, page),
        this::view);
  }

  @Transactional(readOnly = true)
  PageResponse<ReviewView> overdueReviews(CareUser user, String teamCode, Pageable page) {
    return PageResponse.of(
        reviews.findOverdue(
            allTeams(user, teamCode), teams(user, teamCode), LocalDate.now(clock), page),
        this::view);
  }

  @Transactional(readOnly = true)
  List<ReviewView> myOpenReviews(CareUser user) {
    List<String> processes =
        workflow.processesWithTasksAssignedTo(ReviewProcess.KEY, user.userId());
    return processes.isEmpty()
        ? List.of()
        : reviews.findByProcessInstanceIdIn(processes).stream()
            .filter(Review::isOpen)
            .sorted(java.util.Comparator.comparing(Review::getDueDate))
            .map(this::view)
            .toList();
  }

  @Transactional(readOnly = true)
  List<ReviewView> historyOfPerson(CareUser user, long personId) {
    // The person's team decides, not their reviews': a person with no reviews is no less another
    // team's.
    if (!user.canReadTeam(casebook.personSnapshot(personId).teamCode())) {
      throw new AccessDeniedException("person " + personId + " belongs to another team");
    }
    List<Review> found = reviews.findByPersonIdOrderByStartedAtDescIdDesc(personId);
    found.forEach(review -> requireRead(user, review));
    return found.stream().map(this::view).toList();
  }

  @Transactional
  ReviewView claim(CareUser user, long reviewId) {
    Review review = writable(user, reviewId);
    OpenTask task = require(review, ReviewProcess.TASK_CONDUCT, "a worker");
    if (task.assignee() != null) {
      throw new InvalidRequestException(
          "reviewId",
          "review "
              + review.getReference()
              + " is already allocated to "
              + task.assignee()
              + "; ask a team manager to reallocate it");
    }
    workflow.claim(task, user.userId());
    records.event(reviewId, ReviewEvent.Kind.CLAIMED, user.userId(), user.userId());
    return view(review);
  }

  @Transactional
  ReviewView allocate(CareUser user, long reviewId, String assignee) {
    Review review = writable(user, reviewId);
    if (!user.hasRole(Roles.TEAM_MANAGER)) {
      throw new AccessDeniedException("only a team manager allocates reviews; a worker claims one");
    }
    String teamGroup = Roles.teamGroup(review.getTeamCode());
    if (!workflow.isMember(assignee, teamGroup)) {
      throw new InvalidRequestException(
          "assignee", "is not a member of team " + review.getTeamCode());
    }
    OpenTask task = require(review, ReviewProcess.TASK_CONDUCT, "a worker");
    workflow.assign(task, assignee);
    records.event(reviewId, ReviewEvent.Kind.ALLOCATED, "to " + assignee, user.userId());
    return view(review);
  }

  /**
   * Records the outcome: the same checks as the form, then the task completes; a refusal leaves it
   * where it was.
   */
  @Transactional
  ReviewView recordOutcome(CareUser user, long reviewId, OutcomeForm form) {
    Review review = writable(user, reviewId);
    OpenTask task = require(review, ReviewProcess.TASK_CONDUCT, "its outcome");
    takeTask(user, review, task);
    conduct.check(new ReviewId(reviewId), form);
    workflow.complete(task, form.toVariables());
    return view(reviews.findById(reviewId).orElseThrow());
  }

  @Transactional
  ReviewView recordReassessment(CareUser user, long reviewId, Reassessment reassessment) {
    Review review = writable(user, reviewId);
    OpenTask task = require(review, ReviewProcess.TASK_REASSESS, "a reassessment");
    takeTask(user, review, task);
    workflow.complete(
        task,
        Map.of(
            "reassessmentSummary",
            reassessment.summary().strip(),
            "eligibleNeedsChanged",
            reassessment.eligibleNeedsChanged()));
    return view(reviews.findById(reviewId).orElseThrow());
  }

  /** The NHS decision on a Continuing Healthcare referral, delivered to the waiting review. */
  @Transactional
  ReviewView recordChcDecision(CareUser user, long reviewId, ChcDecision decision) {
    Review review = writable(user, reviewId);
    if (decision.eligible() && decision.effectiveDate() == null) {
      throw new InvalidRequestException(
          "effectiveDate", "is required when the person is eligible: the date NHS funding starts");
    }
    if (decision.eligible()
        && decision.effectiveDate().isAfter(LocalDate.now(clock).plusYears(1))) {
      throw new InvalidRequestException("effectiveDate", "must be within a year");
    }
    conduct.recordChcDecision(
        new ReviewId(reviewId),
        decision.eligible(),
        decision.effectiveDate(),
        decision.nhsReference(),
        user.userId());
    Map<String, Object> variables = new HashMap<>();
    ReviewProcess.CHC_ELIGIBLE.put(variables, decision.eligible());
    ReviewProcess.CHC_EFFECTIVE_DATE.put(
        variables, decision.effectiveDate() == null ? null : decision.effectiveDate().toString());
    ReviewProcess.CHC_REFERENCE.put(variables, decision.nhsReference());
    // On the service's account: the team was checked above.
    if (!workflow.correlate(
        ReviewProcess.MESSAGE_CHC_DECISION, review.getProcessInstanceId(), variables)) {
      throw new InvalidRequestException(
          "reviewId",
          "review "
              + review.getReference()
              + " is not waiting for an NHS Continuing Healthcare decision (it is "
              + review.getStatus()
              + ")");
    }
    return view(reviews.findById(reviewId).orElseThrow());
  }

  private void takeTask(CareUser user, Review review, OpenTask task) {
    if (task.assignee() == null) {
      workflow.claim(task, user.userId());
    } else if (!task.assignee().equals(user.userId()) && !user.hasRole(Roles.TEAM_MANAGER)) {
      throw new AccessDeniedException(
          "review " + review.getReference() + " is allocated to another worker");
    }
  }

  ReviewView view(Review review) {
    return ReviewView.of(
        review,
        LocalDate.now(clock),
        review.isOpen()
            ? workflow.openTasksVisibleToUser(review.getProcessInstanceId())
            : List.of());
  }

  /**
   * The review's open task of this key; refused, saying what the review is doing, when it has none.
   */
  private OpenTask require(Review review, String taskKey, String what) {
    return workflow
        .openTaskVisibleToUser(review.getProcessInstanceId(), taskKey)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "reviewId",
                    "review "
                        + review.getReference()
                        + " is not waiting for "
                        + what
                        + " (it is "
                        + review.getStatus()
                        + ")"));
  }

  private Review readable(CareUser user, long reviewId) {
    Review review =
        reviews
            .findById(reviewId)
            .orElseThrow(() -> new RecordNotFoundException("review", reviewId));
    requireRead(user, review);
    return review;
  }

  private Review writable(CareUser user, long reviewId) {
    Review review = readable(user, reviewId);
    if (!user.canWriteTeam(review.getTeamCode())) {
      throw new AccessDeniedException(
          "only the person's team works on review " + review.getReference());
    }
    return review;
  }

  private static void requireRead(CareUser user, Review review) {
    if (!user.canReadTeam(review.getTeamCode())) {
      throw new AccessDeniedException("review " + review.getId() + " belongs to another team");
    }
  }

  private static boolean allTeams(CareUser user, String teamCode) {
    return teamCode == null && user.readsAllTeams();
  }

  private static List<String> teams(CareUser user, String teamCode) {
    if (teamCode == null) {
      return user.teamCodes().isEmpty() ? List.of("-") : List.copyOf(user.teamCodes());
    }
    if (!user.canReadTeam(teamCode)) {
      throw new AccessDeniedException("team " + teamCode + " is not yours");
    }
    return List.of(teamCode);
  }
}
