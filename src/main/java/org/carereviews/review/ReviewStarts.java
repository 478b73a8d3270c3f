package org.carereviews.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageSnapshot;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.identity.CareUser;
import org.carereviews.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The three ways a review starts, each through the process (whose first step registers the review
 * and refuses a second open review of the same package):
 *
 * <ul>
 *   <li>scheduled: every day, a review for each package in force whose next review falls due within
 *       the lead time;
 *   <li>initial: every day, a light-touch review for each new package a few weeks after it started;
 *   <li>requested: through the API (or the start form in Tasklist), with who asked and why.
 * </ul>
 *
 * The daily job runs as {@link DailyReviewStarts}.
 */
@Component
public class ReviewStarts {

  private static final Logger log = LoggerFactory.getLogger(ReviewStarts.class);

  /** What one run of the daily job started. */
  public record DailyRun(int scheduled, int initial, int refused) {}

  private final Workflow workflow;
  private final CasebookService casebook;
  private final Reviews reviews;
  private final ReviewRegistration registration;
  private final ReviewProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ReviewStarts(
      Workflow workflow,
      CasebookService casebook,
      Reviews reviews,
      ReviewRegistration registration,
      ReviewProperties properties,
      TransactionTemplate transaction,
      Clock clock) {
    this.workflow = workflow;
    this.casebook = casebook;
    this.reviews = reviews;
    this.registration = registration;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** A review asked for through the API, by a worker or manager of the person's team. */
  Review request(CareUser user, long packageId, RequestedBy requestedBy, String reason) {
    PackageSnapshot snapshot = casebook.packageSnapshot(packageId);
    if (!user.canWriteTeam(snapshot.teamCode())) {
      throw new AccessDeniedException(
          "only the person's own team may ask for a review of this package");
    }
    registration.refuseSecondOpenReview(snapshot);
    Map<String, Object> variables = new HashMap<>();
    ReviewProcess.PACKAGE_ID.put(variables, packageId);
    ReviewProcess.ROUTE.put(variables, ReviewRoute.REQUESTED.name());
    ReviewProcess.REQUESTED_BY.put(variables, requestedBy == null ? null : requestedBy.name());
    ReviewProcess.REQUEST_REASON.put(variables, reason);
    // The process starts on the service's account (the team was checked above); it was asked for by
    // the user.
    ReviewProcess.INITIATOR.put(variables, user.userId());
    return start(snapshot, variables);
  }

  /**
   * Starts the reviews that are due: packages whose next review falls due within the lead time, and
   * new packages in their initial review window. Packages with an open review (or, for an initial
   * review, any review) are skipped; each start commits on its own, so one refusal stops nothing
   * else.
   */
  public DailyRun startDueReviews(int limit) {
    LocalDate today = LocalDate.now(clock);
    int refused = 0;
    int scheduled = 0;
    List<Long> due = casebook.packagesDueForReview(today.plus(properties.leadTime()), limit * 2);
    Set<Long> open =
        new HashSet<>(due.isEmpty() ? List.of() : reviews.findPackagesWithOpenReview(due));
    for (Long packageId : due) {
      if (scheduled + refused >= limit) {
        break;
      }
      if (open.contains(packageId)) {
        continue;
      }
      if (startInOwnTransaction(packageId, ReviewRoute.SCHEDULED, null)) {
        scheduled++;
      } else {
        refused++;
      }
    }
    int initial = 0;
    List<Long> started =
        casebook.packagesStartedBetween(
            today.minus(properties.initialWindowEnd()),
            today.minus(properties.initialWindowStart()),
            limit * 2);
    Set<Long> reviewed =
        new HashSet<>(started.isEmpty() ? List.of() : reviews.findPackagesEverReviewed(started));
    for (Long packageId : started) {
      if (scheduled + initial + refused >= limit) {
        break;
      }
      if (reviewed.contains(packageId)) {
        continue;
      }
      LocalDate firstStart = casebook.packageSnapshot(packageId).firstStartDate();
      if (startInOwnTransaction(
          packageId, ReviewRoute.INITIAL, firstStart.plus(properties.initialWindowEnd()))) {
        initial++;
      } else {
        refused++;
      }
    }
    return new DailyRun(scheduled, initial, refused);
  }

  private boolean startInOwnTransaction(long packageId, ReviewRoute route, LocalDate dueDate) {
    try {
      transaction.executeWithoutResult(
          status -> {
            PackageSnapshot snapshot = casebook.packageSnapshot(packageId);
            Map<String, Object> variables = new HashMap<>();
            ReviewProcess.PACKAGE_ID.put(variables, packageId);
            ReviewProcess.ROUTE.put(variables, route.name());
            LocalDate due = dueDate != null ? dueDate : snapshot.terms().getNextReviewDue();
            ReviewProcess.DUE_DATE_REQUESTED.put(variables, due.toString());
            start(snapshot, variables);
          });
      return true;
    } catch (RuntimeException e) {
      // Another node started it first, or the package changed meanwhile: the next run looks again.
      log.warn("Review of package {} not started: {}", packageId, e.getClass().getSimpleName());
      return false;
    }
  }

  private Review start(PackageSnapshot snapshot, Map<String, Object> variables) {
    String processInstanceId;
    try {
      processInstanceId = workflow.start(ReviewProcess.KEY, null, variables);
    } catch (InvalidRequestException | AccessDeniedException | RecordNotFoundException refused) {
      throw refused;
    } catch (RuntimeException e) {
      // The engine's own failure, or the database's at the flush: a second open review started
      // meanwhile?
      if (reviews.findByOpenPackageId(snapshot.packageId()).isPresent() || isUniqueViolation(e)) {
        throw new InvalidRequestException(
            "packageId",
            "package "
                + snapshot.packageReference()
                + " already has an open review: one open review per package at a time");
      }
      throw e;
    }
    return reviews.findByProcessInstanceId(processInstanceId).orElseThrow();
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
