package org.carereviews.ctr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carereviews.casebook.Person;

/** Response bodies of the CTR API. */
public final class CtrViews {

  private CtrViews() {}

  public record PersonRef(long personId, String personReference, String displayName, String team) {
    static PersonRef of(Person person) {
      return new PersonRef(
          person.getId(),
          person.getReference(),
          person.getDisplayName(),
          person.getTeam().getCode());
    }
  }

  public record RegisterEntryView(
      PersonRef person,
      boolean consentGiven,
      LocalDate consentDate,
      Rating rating,
      String ratingReasons,
      Instant ratedAt,
      String keyWorker,
      LocalDate nextReviewDate) {
    static RegisterEntryView of(RegisterEntry entry) {
      return new RegisterEntryView(
          PersonRef.of(entry.getPerson()),
          entry.isConsentGiven(),
          entry.getConsentDate(),
          entry.getRating(),
          entry.getRatingReasons(),
          entry.getRatedAt(),
          entry.getKeyWorker(),
          entry.getNextReviewDate());
    }
  }

  public record RatingChangeView(
      Rating previousRating, Rating rating, String reasons, String changedBy, Instant changedAt) {
    static RatingChangeView of(RatingChange change) {
      return new RatingChangeView(
          change.getPreviousRating(),
          change.getRating(),
          change.getReasons(),
          change.getChangedBy(),
          change.getChangedAt());
    }
  }

  public record EpisodeView(
      long id,
      String hospital,
      HospitalSetting setting,
      boolean outOfArea,
      LocalDate admissionDate,
      Commissioner commissioner,
      boolean communityReviewBeforeAdmission,
      LocalDate plannedDischargeDate,
      LocalDate dischargeDate,
      long lengthOfStayDays) {
    static EpisodeView of(InpatientEpisode e, LocalDate today) {
      return new EpisodeView(
          e.getId(),
          e.getHospital(),
          e.getSetting(),
          e.isOutOfArea(),
          e.getAdmissionDate(),
          e.getCommissioner(),
          e.isCommunityReviewBeforeAdmission(),
          e.getPlannedDischargeDate(),
          e.getDischargeDate(),
          e.lengthOfStayDays(today));
    }
  }

  public record ActionView(
      long id,
      String reviewReference,
      long personId,
      String text,
      String owner,
      LocalDate dueDate,
      Recommendation.Status status,
      boolean overdue,
      Instant escalatedAt,
      Instant doneAt,
      String doneBy,
      String doneNote) {
    static ActionView of(Recommendation a, LocalDate today) {
      return new ActionView(
          a.getId(),
          a.getReview().getReference(),
          a.getReview().getRegisterEntry().getPerson().getId(),
          a.getText(),
          a.getOwner(),
          a.getDueDate(),
          a.getStatus(),
          a.isOverdue(today),
          a.getEscalatedAt(),
          a.getDoneAt(),
          a.getDoneBy(),
          a.getDoneNote());
    }
  }

  public record ReviewView(
      long id,
      String reference,
      ReviewKind kind,
      LocalDate dueDate,
      CtrReview.Status status,
      boolean overdue,
      String chair,
      String clinicalExpert,
      String expertByExperience,
      Instant meetingAt,
      ConsentBasis consentBasis,
      Instant papersSharedAt,
      Map<String, String> answers,
      Boolean dischargeRecommended,
      Instant completedAt,
      String completedBy,
      List<ActionView> recommendations) {
    static ReviewView of(CtrReview r, List<Recommendation> recommendations, LocalDate today) {
      Map<String, String> answers = new java.util.LinkedHashMap<>();
      putIfSet(answers, "amISafe", r.getAnswerSafe());
      putIfSet(answers, "isMyCareGood", r.getAnswerGoodCare());
      putIfSet(answers, "isThereAPlanForMyFuture", r.getAnswerFuturePlan());
      putIfSet(answers, "doINeedToBeInHospital", r.getAnswerNeedHospital());
      return new ReviewView(
          r.getId(),
          r.getReference(),
          r.getKind(),
          r.getDueDate(),
          r.getStatus(),
          r.getStatus() == CtrReview.Status.OPEN && r.getDueDate().isBefore(today),
          r.getChair(),
          r.getClinicalExpert(),
          r.getExpertByExperience(),
          r.getMeetingAt(),
          r.getConsentBasis(),
          r.getPapersSharedAt(),
          answers,
          r.getDischargeRecommended(),
          r.getCompletedAt(),
          r.getCompletedBy(),
          recommendations.stream().map(a -> ActionView.of(a, today)).toList());
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
      if (value != null) {
        map.put(key, value);
      }
    }
  }

  public record RegisterRecordView(
      RegisterEntryView entry,
      List<RatingChangeView> ratingHistory,
      List<EpisodeView> episodes,
      List<ReviewView> reviews) {}

  /**
   * Something that falls due: started already (with its review) or not yet (with the day it will be
   * started).
   */
  public record DueItemView(
      PersonRef person,
      ReviewKind kind,
      Long episodeId,
      LocalDate dueDate,
      LocalDate startsOn,
      boolean started,
      String reviewReference,
      boolean overdue) {}

  public record InpatientView(
      PersonRef person,
      long episodeId,
      String hospital,
      HospitalSetting setting,
      boolean outOfArea,
      Commissioner commissioner,
      LocalDate admissionDate,
      LocalDate plannedDischargeDate,
      long lengthOfStayDays) {}

  public record DischargeView(
      long reviewId,
      String reviewReference,
      Long panelRequestId,
      String panelOutcome,
      Long carePackageId,
      Instant growthRecordedAt) {}

  public record Overview(
      LocalDate today,
      Map<Rating, Long> registerByRating,
      List<InpatientView> inpatientsByLengthOfStay,
      List<DueItemView> reviewsDue,
      long reviewsOverdue,
      List<ActionView> actionsOpen,
      long actionsOverdue) {}
}
