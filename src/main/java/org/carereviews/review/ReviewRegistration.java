package org.carereviews.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageSnapshot;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.review.ReviewEvent.Kind;
import org.carereviews.review.ReviewProperties.OverdueChase;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a review as its process starts (its first step): one open review per package, its team,
 * its due date and when it is chased if overdue.
 */
@Service
class ReviewRegistration {

  /**
   * A review to register, as the process starts.
   *
   * @param packageId the package by id (API and daily job), or null when the start form names it by
   *     reference
   * @param packageReference the package's reference as typed in the start form (PKG-000123), or
   *     null
   * @param dueDate the due date the daily job worked out, or null for a requested review
   * @param initiator who asked for it, or null for the daily job
   * @param actor the signed-in user who started the process in Tasklist, or null (the daily job,
   *     the API)
   */
  record Registration(
      Long packageId,
      String packageReference,
      ReviewRoute route,
      RequestedBy requestedBy,
      String requestReason,
      LocalDate dueDate,
      String initiator,
      CareUser actor,
      String processInstanceId) {}

  /** A registered review, as the process needs it. */
  record Registered(
      ReviewId reviewId,
      long packageId,
      String reference,
      String teamGroup,
      LocalDate dueDate,
      OverdueChase chase) {}

  private final Reviews reviews;
  private final ReviewRecords records;
  private final CasebookService casebook;
  private final ReviewProperties properties;
  private final Clock clock;

  ReviewRegistration(
      Reviews reviews,
      ReviewRecords records,
      CasebookService casebook,
      ReviewProperties properties,
      Clock clock) {
    this.reviews = reviews;
    this.records = records;
    this.casebook = casebook;
    this.properties = properties;
    this.clock = clock;
  }

  /** Registers a review as its process starts; refuses a second open review of the same package. */
  @Transactional
  Registered register(Registration registration) {
    PackageSnapshot snapshot = casebook.packageSnapshot(packageIdOf(registration));
    if (registration.actor() != null
        && !registration.actor().groupIds().contains(Roles.teamGroup(snapshot.teamCode()))) {
      throw new AccessDeniedException(
          "only the person's own team may ask for a review of package "
              + snapshot.packageReference());
    }
    if (registration.route() == ReviewRoute.REQUESTED) {
      if (registration.requestedBy() == null) {
        throw new InvalidRequestException("requestedBy", "is required: who asked for the review");
      }
      if (registration.requestReason() == null || registration.requestReason().isBlank()) {
        throw new InvalidRequestException(
            "requestReason", "is required: why the review was asked for");
      }
      if (registration.requestReason().length() > 1000) {
        throw new InvalidRequestException("requestReason", "must be at most 1000 characters");
      }
    }
    refuseSecondOpenReview(snapshot);
    LocalDate today = LocalDate.now(clock);
    LocalDate due =
        registration.dueDate() != null
            ? registration.dueDate()
            : today.plus(properties.requestedDue());
    Instant now = Instant.now(clock);
    String startedBy =
        registration.initiator() == null ? ReviewRecords.SYSTEM : registration.initiator();
    // The reference is made from the id, which the sequence gives as the row is persisted: the row
    // goes in
    // with a unique placeholder and gets its reference in the same transaction.
    Review review =
        reviews.save(
            new Review(
                "TMP-" + UUID.randomUUID().toString().substring(0, 16),
                snapshot.packageId(),
                snapshot.personId(),
                snapshot.teamCode(),
                registration.route(),
                registration.requestedBy(),
                registration.requestReason() == null ? null : registration.requestReason().strip(),
                due,
                registration.processInstanceId(),
                startedBy,
                now));
    review.assignReference(String.format("REV-%06d", review.getId()));
    records.event(
        review,
        Kind.STARTED,
        registration.route() + " review of " + snapshot.packageReference() + ", due " + due,
        startedBy);
    return new Registered(
        new ReviewId(review.getId()),
        snapshot.packageId(),
        review.getReference(),
        Roles.teamGroup(snapshot.teamCode()),
        due,
        properties.overdueChase(due, today));
  }

  /** The package by id, or by its reference as typed in the start form. */
  private long packageIdOf(Registration registration) {
    if (registration.packageId() != null) {
      return registration.packageId();
    }
    String reference = registration.packageReference();
    if (reference == null || reference.isBlank()) {
      throw new InvalidRequestException(
          ReviewProcess.VAR_PACKAGE_REFERENCE, "is required: which package to review");
    }
    String typed = reference.strip().toUpperCase(Locale.ROOT);
    var found = casebook.packagesByReference(List.of(typed)).get(typed);
    if (found == null) {
      throw new InvalidRequestException(
          ReviewProcess.VAR_PACKAGE_REFERENCE, "is not a known package: " + typed);
    }
    return found.packageId();
  }

  /**
   * Refuses a start when the package already has an open review (also backed by a unique column).
   */
  void refuseSecondOpenReview(PackageSnapshot snapshot) {
    reviews
        .findByOpenPackageId(snapshot.packageId())
        .ifPresent(
            open -> {
              throw new InvalidRequestException(
                  "packageId",
                  "package "
                      + snapshot.packageReference()
                      + " already has an open "
                      + "review, "
                      + open.getReference()
                      + " (due "
                      + open.getDueDate()
                      + "): one open review per package at a time");
            });
  }
}
