package org.carereviews.ctr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.workflow.Workflow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews held before the register was kept in this service, recorded as they happened (a council
 * bringing its register's history across; the embedded default's demo): the panel, consent, papers
 * and meeting at their own past times, with the recommendations, each followed up from then on as
 * any review's (an action past its due date is chased at once). Only the CTR chair records one; the
 * person is on the register.
 */
@Service
public class EarlierReviews {

  /** A recommendation of the review: what, whose, by when. */
  public record Action(String text, String owner, LocalDate dueDate) {}

  /** The review as it was held: the panel, consent and the answers to the four questions. */
  public record Held(
      long personId,
      ReviewKind kind,
      LocalDate dueDate,
      Instant meetingAt,
      String chair,
      String clinicalExpert,
      String expertByExperience,
      ConsentBasis consentBasis,
      String consentNote,
      String answerSafe,
      String answerGoodCare,
      String answerFuturePlan,
      String answerNeedHospital,
      List<Action> actions) {}

  private final RegisterEntries entries;
  private final InpatientEpisodes episodes;
  private final CtrReviews reviews;
  private final Recommendations recommendations;
  private final CtrReferences references;
  private final CtrReviewSteps steps;
  private final Workflow workflow;
  private final Clock clock;

  EarlierReviews(
      RegisterEntries entries,
      InpatientEpisodes episodes,
      CtrReviews reviews,
      Recommendations recommendations,
      CtrReferences references,
      CtrReviewSteps steps,
      Workflow workflow,
      Clock clock) {
    this.entries = entries;
    this.episodes = episodes;
    this.reviews = reviews;
    this.recommendations = recommendations;
    this.references = references;
    this.steps = steps;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** Records a review held in the past; returns its reference. */
  @Transactional
  public String record(CareUser user, Held held) {
    if (user == null || !user.hasRole(Roles.CTR_CHAIR)) {
      throw new AccessDeniedException("earlier reviews are recorded by the CTR chair");
    }
    RegisterEntry entry =
        entries
            .findByPersonId(held.personId())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "personId", "is not on the register: " + held.personId()));
    Instant now = Instant.now(clock);
    if (held.meetingAt() == null || !held.meetingAt().isBefore(now)) {
      throw new InvalidRequestException("meetingAt", "an earlier review's meeting is in the past");
    }
    member(held.chair(), Roles.CTR_CHAIR, "chair");
    member(held.clinicalExpert(), Roles.CTR_CLINICIAN, "clinicalExpert");
    member(held.expertByExperience(), Roles.CTR_EXPERT, "expertByExperience");
    if (new HashSet<>(List.of(held.chair(), held.clinicalExpert(), held.expertByExperience()))
            .size()
        < 3) {
      throw new InvalidRequestException(
          "panel",
          "the chair, clinical expert and expert by experience must be three "
              + "different people");
    }
    LocalDate meetingDay = LocalDate.ofInstant(held.meetingAt(), clock.getZone());
    for (Action action : held.actions()) {
      if (action.dueDate() == null || action.dueDate().isBefore(meetingDay)) {
        throw new InvalidRequestException(
            "dueDate", "must not be before the meeting (" + meetingDay + ")");
      }
      if (!workflow.userExists(action.owner())) {
        throw new InvalidRequestException("owner", "is not a known user: '" + action.owner() + "'");
      }
    }
    InpatientEpisode episode =
        episodes.findByRegisterEntryIdOrderByAdmissionDateAsc(entry.getId()).stream()
            .filter(InpatientEpisode::isOpen)
            .findFirst()
            .orElse(null);
    Instant meetingAt = held.meetingAt();
    CtrReview review =
        new CtrReview(
            references.nextReviewReference(),
            entry,
            episode,
            held.kind(),
            held.dueDate(),
            meetingAt.minus(Duration.ofDays(28)));
    review.convene(
        held.chair(),
        held.clinicalExpert(),
        held.expertByExperience(),
        meetingAt,
        meetingAt.minus(Duration.ofDays(21)));
    review.recordConsent(
        held.consentBasis(),
        held.consentNote(),
        user.userId(),
        meetingAt.minus(Duration.ofDays(14)));
    review.sharePapers(meetingAt, user.userId(), meetingAt.minus(Duration.ofDays(3)));
    review.complete(
        new CtrReview.MeetingRecord(
            held.answerSafe(),
            held.answerGoodCare(),
            held.answerFuturePlan(),
            held.answerNeedHospital(),
            false),
        user.userId(),
        meetingAt.plus(Duration.ofHours(2)));
    CtrReview saved = reviews.save(review);
    List<Recommendation> actions = new ArrayList<>();
    for (Action action : held.actions()) {
      actions.add(
          recommendations.save(
              new Recommendation(saved, action.text(), action.owner(), action.dueDate())));
    }
    recommendations.flush();
    steps.followUp(saved, actions);
    return saved.getReference();
  }

  private void member(String userId, String group, String field) {
    if (userId == null || !workflow.isMember(userId, group)) {
      throw new InvalidRequestException(field, "'" + userId + "' is not in the group " + group);
    }
  }
}
