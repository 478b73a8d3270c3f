package org.carereviews.ctr;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.common.web.InvalidRequestException;

/**
 * A review that fell due and was started: a CTR or CETR held by a panel of three, or an oversight
 * visit. Its steps are guarded: the panel is convened (chair, clinical expert, expert by
 * experience), consent or a best-interests decision is recorded before the papers are shared, the
 * papers reach the panel at least {@link #PAPERS_NOTICE} before the meeting, and only then can the
 * meeting's answers be recorded and the review completed.
 */
@Entity
@Table(name = "ctr_review")
class CtrReview {

  /** How long before the meeting the panel must have its papers. */
  public static final Duration PAPERS_NOTICE = Duration.ofHours(24);

  /** Status of a review. */
  public enum Status {
    OPEN,
    COMPLETED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ctr_review_seq")
  @SequenceGenerator(name = "ctr_review_seq", sequenceName = "ctr_review_seq", allocationSize = 50)
  private Long id;

  private String reference;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "register_entry_id")
  private RegisterEntry registerEntry;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "episode_id")
  private InpatientEpisode episode;

  @Enumerated(EnumType.STRING)
  private ReviewKind kind;

  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String processInstanceId;
  private Instant startedAt;

  private String chair;
  private String clinicalExpert;
  private String expertByExperience;
  private Instant meetingAt;

  @Enumerated(EnumType.STRING)
  private ConsentBasis consentBasis;

  private String consentNote;
  private Instant consentRecordedAt;
  private String consentRecordedBy;

  private Instant papersSharedAt;
  private String papersSharedBy;

  private String answerSafe;
  private String answerGoodCare;
  private String answerFuturePlan;
  private String answerNeedHospital;
  private Boolean dischargeRecommended;

  private Instant completedAt;
  private String completedBy;

  @Version private int version;

  protected CtrReview() {}

  CtrReview(
      String reference,
      RegisterEntry registerEntry,
      InpatientEpisode episode,
      ReviewKind kind,
      LocalDate dueDate,
      Instant now) {
    this.reference = reference;
    this.registerEntry = registerEntry;
    this.episode = episode;
    this.kind = kind;
    this.dueDate = dueDate;
    this.status = Status.OPEN;
    this.startedAt = now;
  }

  void startedAs(String instanceId) {
    this.processInstanceId = instanceId;
  }

  void convene(
      String newChair,
      String newClinicalExpert,
      String newExpertByExperience,
      Instant newMeetingAt,
      Instant now) {
    requireOpen();
    requirePanelReview();
    if (newMeetingAt == null) {
      throw new InvalidRequestException("meetingAt", "is required: when the panel meets");
    }
    if (newMeetingAt.isBefore(now)) {
      throw new InvalidRequestException("meetingAt", "must not be in the past");
    }
    this.chair = newChair;
    this.clinicalExpert = newClinicalExpert;
    this.expertByExperience = newExpertByExperience;
    this.meetingAt = newMeetingAt;
  }

  void recordConsent(ConsentBasis basis, String note, String actor, Instant now) {
    requireOpen();
    if (basis == null) {
      throw new InvalidRequestException(
          "consentBasis",
          "is required: consent, or a best-interests decision where "
              + "the person lacks capacity to consent");
    }
    if (basis == ConsentBasis.BEST_INTERESTS_DECISION && (note == null || note.isBlank())) {
      throw new InvalidRequestException(
          "consentNote",
          "is required for a best-interests decision: who decided, "
              + "when, and why it is in the person's best interests");
    }
    this.consentBasis = basis;
    this.consentNote = note == null || note.isBlank() ? null : note.strip();
    this.consentRecordedAt = now;
    this.consentRecordedBy = actor;
  }

  void sharePapers(Instant newMeetingAt, String actor, Instant now) {
    requireOpen();
    if (consentBasis == null) {
      throw new InvalidRequestException(
          "consentBasis",
          "papers cannot be shared before consent or a best-interests " + "decision is recorded");
    }
    Instant meeting = newMeetingAt == null ? meetingAt : newMeetingAt;
    if (meeting == null || now.plus(PAPERS_NOTICE).isAfter(meeting)) {
      throw new InvalidRequestException(
          "meetingAt",
          "papers must reach the panel at least 24 hours before the "
              + "meeting"
              + (meeting == null ? "" : " (" + meeting + ")")
              + ": move the meeting to "
              + now.plus(PAPERS_NOTICE)
              + " or later");
    }
    this.meetingAt = meeting;
    this.papersSharedAt = now;
    this.papersSharedBy = actor;
  }

  /** Records the meeting's answers to the four questions and completes the review. */
  void complete(MeetingRecord meeting, String actor, Instant now) {
    requireOpen();
    requirePanelReview();
    if (chair == null || clinicalExpert == null) {
      throw new InvalidRequestException(
          "panel",
          "a review cannot be completed before its chair and clinical " + "expert are recorded");
    }
    if (expertByExperience == null) {
      throw new InvalidRequestException(
          "expertByExperience",
          "a review cannot be completed without an expert by " + "experience");
    }
    if (consentBasis == null) {
      throw new InvalidRequestException(
          "consentBasis",
          "a review cannot be completed without consent or a " + "best-interests decision");
    }
    if (papersSharedAt == null) {
      throw new InvalidRequestException(
          "papersSharedAt", "the papers were never shared with the panel");
    }
    if (now.isBefore(meetingAt)) {
      throw new InvalidRequestException(
          "meetingAt",
          "the meeting is at "
              + meetingAt
              + ": its outcome cannot be "
              + "recorded before it has met");
    }
    if (meeting.dischargeRecommended() && (episode == null || !episode.isOpen())) {
      throw new InvalidRequestException(
          "dischargeRecommended", "a discharge can be planned only for someone in " + "hospital");
    }
    this.answerSafe = meeting.safe();
    this.answerGoodCare = meeting.goodCare();
    this.answerFuturePlan = meeting.futurePlan();
    this.answerNeedHospital = meeting.needHospital();
    this.dischargeRecommended = meeting.dischargeRecommended();
    completed(actor, now);
  }

  /** Completes an oversight visit: the visit's findings are its one answer. */
  void completeVisit(Instant visitedAt, String findings, String actor, Instant now) {
    requireOpen();
    if (kind != ReviewKind.OVERSIGHT_VISIT) {
      throw new InvalidRequestException("kind", "only an oversight visit is recorded as a visit");
    }
    if (visitedAt == null || visitedAt.isAfter(now)) {
      throw new InvalidRequestException("visitedAt", "is required and must not be in the future");
    }
    if (findings == null || findings.isBlank()) {
      throw new InvalidRequestException("findings", "is required: what the visit found");
    }
    this.meetingAt = visitedAt;
    this.answerGoodCare = findings.strip();
    completed(actor, now);
  }

  private void completed(String actor, Instant now) {
    this.status = Status.COMPLETED;
    this.completedAt = now;
    this.completedBy = actor;
  }

  private void requireOpen() {
    if (status != Status.OPEN) {
      throw new InvalidRequestException("status", "review " + reference + " is already completed");
    }
  }

  private void requirePanelReview() {
    if (!kind.isPanelReview()) {
      throw new InvalidRequestException("kind", "an oversight visit has no panel");
    }
  }

  /**
   * What a panel meeting recorded: the answers to the four questions and whether to plan a
   * discharge.
   */
  record MeetingRecord(
      String safe,
      String goodCare,
      String futurePlan,
      String needHospital,
      boolean dischargeRecommended) {}

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public RegisterEntry getRegisterEntry() {
    return registerEntry;
  }

  public InpatientEpisode getEpisode() {
    return episode;
  }

  public ReviewKind getKind() {
    return kind;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public Status getStatus() {
    return status;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public String getChair() {
    return chair;
  }

  public String getClinicalExpert() {
    return clinicalExpert;
  }

  public String getExpertByExperience() {
    return expertByExperience;
  }

  public Instant getMeetingAt() {
    return meetingAt;
  }

  public ConsentBasis getConsentBasis() {
    return consentBasis;
  }

  public String getConsentNote() {
    return consentNote;
  }

  public Instant getConsentRecordedAt() {
    return consentRecordedAt;
  }

  public Instant getPapersSharedAt() {
    return papersSharedAt;
  }

  public String getAnswerSafe() {
    return answerSafe;
  }

  public String getAnswerGoodCare() {
    return answerGoodCare;
  }

  public String getAnswerFuturePlan() {
    return answerFuturePlan;
  }

  public String getAnswerNeedHospital() {
    return answerNeedHospital;
  }

  public Boolean getDischargeRecommended() {
    return dischargeRecommended;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public String getCompletedBy() {
    return completedBy;
  }
}
