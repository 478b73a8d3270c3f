package org.carereviews.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.web.PageResponse;
import org.carereviews.identity.CurrentUser;
import org.carereviews.review.ReviewRequests.Allocate;
import org.carereviews.review.ReviewRequests.ChcDecision;
import org.carereviews.review.ReviewRequests.Reassessment;
import org.carereviews.review.ReviewRequests.RequestReview;
import org.carereviews.review.ReviewViews.ReviewDetailView;
import org.carereviews.review.ReviewViews.ReviewView;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Care package reviews",
    description = "Reviews of care packages: start, allocate, record the outcome, NHS decisions")
@RestController
@RequestMapping("/api")
@Validated
class ReviewController {

  private final ReviewActions actions;
  private final ReviewStarts starts;
  private final CurrentUser currentUser;

  ReviewController(ReviewActions actions, ReviewStarts starts, CurrentUser currentUser) {
    this.actions = actions;
    this.starts = starts;
    this.currentUser = currentUser;
  }

  @Operation(
      summary =
          "Ask for a review of a package (who asked and why); refused if the package has an open review")
  @PostMapping("/reviews")
  @Audited(action = AuditAction.CREATE, record = "review", id = "#result.id()")
  @ResponseStatus(HttpStatus.CREATED)
  ReviewView request(@Valid @RequestBody RequestReview request) {
    return actions.view(
        starts.request(
            currentUser.get(),
            request.packageId(),
            request.requestedBy(),
            request.reason().strip()));
  }

  @Operation(
      summary = "Your team's reviews (or a team's), with status and due date, earliest due first")
  @GetMapping("/reviews")
  @Audited(action = AuditAction.LIST, record = "review")
  PageResponse<ReviewView> teamReviews(
      @RequestParam(required = false) String team,
      @RequestParam(required = false) ReviewStatus status,
      @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be 0 or more")
          @Max(value = PageResponse.MAX_PAGE, message = PageResponse.MAX_PAGE_MESSAGE)
          int page,
      @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be at least 1")
          @Max(
              value = PageResponse.MAX_PAGE_SIZE,
              message = "must be at most " + PageResponse.MAX_PAGE_SIZE)
          int size) {
    return actions.teamReviews(currentUser.get(), team, status, PageRequest.of(page, size));
  }

  @Operation(summary = "Open reviews past their due date, most overdue first")
  @GetMapping("/reviews/overdue")
  @Audited(action = AuditAction.LIST, record = "review")
  PageResponse<ReviewView> overdue(
      @RequestParam(required = false) String team,
      @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be 0 or more")
          @Max(value = PageResponse.MAX_PAGE, message = PageResponse.MAX_PAGE_MESSAGE)
          int page,
      @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be at least 1")
          @Max(
              value = PageResponse.MAX_PAGE_SIZE,
              message = "must be at most " + PageResponse.MAX_PAGE_SIZE)
          int size) {
    return actions.overdueReviews(currentUser.get(), team, PageRequest.of(page, size));
  }

  @Operation(summary = "Your open reviews: those allocated to you")
  @GetMapping("/reviews/mine")
  @Audited(action = AuditAction.LIST, record = "review")
  List<ReviewView> mine() {
    return actions.myOpenReviews(currentUser.get());
  }

  @Operation(summary = "One review with its history and the package changes it applied")
  @GetMapping("/reviews/{id}")
  @Audited(action = AuditAction.READ, record = "review", id = "#id")
  ReviewDetailView review(@PathVariable long id) {
    return actions.review(currentUser.get(), id);
  }

  @Operation(summary = "The review history of a person, newest first")
  @GetMapping("/people/{personId}/reviews")
  @Audited(action = AuditAction.READ, record = "person", id = "#personId")
  List<ReviewView> personHistory(@PathVariable long personId) {
    return actions.historyOfPerson(currentUser.get(), personId);
  }

  @Operation(summary = "Claim an unallocated review (a worker of the team)")
  @PostMapping("/reviews/{id}/claim")
  @Audited(action = AuditAction.CHANGE, record = "review", id = "#id")
  ReviewView claim(@PathVariable long id) {
    return actions.claim(currentUser.get(), id);
  }

  @Operation(summary = "Allocate a review to a worker of the team (a team manager)")
  @PostMapping("/reviews/{id}/allocate")
  @Audited(action = AuditAction.CHANGE, record = "review", id = "#id")
  ReviewView allocate(@PathVariable long id, @Valid @RequestBody Allocate request) {
    return actions.allocate(currentUser.get(), id, request.assignee().strip());
  }

  @Operation(
      summary = "Record the review's outcome (checked as the form checks it) and complete the task")
  @PostMapping("/reviews/{id}/outcome")
  ReviewView outcome(@PathVariable long id, @RequestBody OutcomeForm form) {
    return actions.recordOutcome(currentUser.get(), id, form);
  }

  @Operation(summary = "Record the reassessment; the review goes back to its outcome")
  @PostMapping("/reviews/{id}/reassessment")
  @Audited(action = AuditAction.CHANGE, record = "review", id = "#id")
  ReviewView reassessment(@PathVariable long id, @Valid @RequestBody Reassessment request) {
    return actions.recordReassessment(currentUser.get(), id, request);
  }

  @Operation(summary = "The NHS decision on a Continuing Healthcare referral")
  @PostMapping("/reviews/{id}/chc-decision")
  @Audited(action = AuditAction.DECIDE, record = "review", id = "#id")
  ReviewView chcDecision(@PathVariable long id, @Valid @RequestBody ChcDecision decision) {
    return actions.recordChcDecision(currentUser.get(), id, decision);
  }
}
