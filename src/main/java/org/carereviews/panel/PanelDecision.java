package org.carereviews.panel;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;
import org.hibernate.annotations.Immutable;

/** A decision on a package request, with who decided and, at panel, who sat. Never edited. */
@Entity
@Immutable
@Table(name = "panel_decision")
public class PanelDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "panel_decision_seq")
  @SequenceGenerator(
      name = "panel_decision_seq",
      sequenceName = "panel_decision_seq",
      allocationSize = 50)
  private Long id;

  private Long requestId;

  @Enumerated(EnumType.STRING)
  private DecisionStage stage;

  @Enumerated(EnumType.STRING)
  private PanelRoute decidedByRoute;

  private Long meetingId;

  @Enumerated(EnumType.STRING)
  private PanelOutcome outcome;

  @Enumerated(EnumType.STRING)
  private ServiceType amendedServiceType;

  private String amendedProvider;

  @Convert(converter = MoneyConverter.class)
  private Money amendedWeeklyGross;

  @Convert(converter = MoneyConverter.class)
  private Money amendedContribution;

  private BigDecimal amendedNhsShare;

  @Convert(converter = MoneyConverter.class)
  private Money amendedNetWeekly;

  private LocalDate amendedEffectiveDate;

  private String rationale;

  private String question;

  private LocalDate returnBy;

  private String decidedBy;

  @Enumerated(EnumType.STRING)
  private PanelSeat seat;

  private String ascMember;

  private String financeMember;

  private String commissioningMember;

  private Instant decidedAt;

  protected PanelDecision() {}

  /**
   * What was decided; the amendment, question and return-by date only where the outcome has them.
   */
  public record Content(
      PanelOutcome outcome,
      ProposedPackage amended,
      String rationale,
      String question,
      LocalDate returnBy) {}

  /** Who decided: the deciding user, and at panel the meeting, their seat and the three who sat. */
  public record Deciders(
      PanelRoute route,
      Long meetingId,
      String decidedBy,
      PanelSeat seat,
      String ascMember,
      String financeMember,
      String commissioningMember) {

    static Deciders teamManager(String userId) {
      return new Deciders(PanelRoute.TEAM_MANAGER, null, userId, null, null, null, null);
    }
  }

  PanelDecision(
      long requestId, DecisionStage stage, Content content, Deciders deciders, Instant decidedAt) {
    this.requestId = requestId;
    this.stage = stage;
    this.outcome = content.outcome();
    ProposedPackage amended = content.amended();
    if (amended != null) {
      this.amendedServiceType = amended.serviceType();
      this.amendedProvider = amended.provider();
      this.amendedWeeklyGross = amended.weeklyGrossCost();
      this.amendedContribution = amended.assessedContribution();
      this.amendedNhsShare = amended.nhsSharePercent();
      this.amendedNetWeekly = amended.netWeeklyCost();
      this.amendedEffectiveDate = amended.effectiveDate();
    }
    this.rationale = content.rationale();
    this.question = content.question();
    this.returnBy = content.returnBy();
    this.decidedByRoute = deciders.route();
    this.meetingId = deciders.meetingId();
    this.decidedBy = deciders.decidedBy();
    this.seat = deciders.seat();
    this.ascMember = deciders.ascMember();
    this.financeMember = deciders.financeMember();
    this.commissioningMember = deciders.commissioningMember();
    this.decidedAt = decidedAt;
  }

  public ProposedPackage amended() {
    if (amendedWeeklyGross == null) {
      return null;
    }
    return new ProposedPackage(
        amendedServiceType,
        amendedProvider,
        amendedWeeklyGross,
        amendedContribution,
        amendedNhsShare,
        amendedEffectiveDate);
  }

  /** The user ids who decided: the team manager, or the three who sat. */
  public List<String> deciders() {
    if (decidedByRoute != PanelRoute.PANEL) {
      return List.of(decidedBy);
    }
    List<String> sat = new ArrayList<>();
    sat.add(ascMember);
    sat.add(financeMember);
    sat.add(commissioningMember);
    return List.copyOf(sat);
  }

  public PanelDecisionView view() {
    return new PanelDecisionView(
        requestId,
        outcome,
        amended(),
        rationale,
        question,
        returnBy,
        deciders(),
        decidedAt,
        decidedByRoute);
  }

  public Long getId() {
    return id;
  }

  public Long getRequestId() {
    return requestId;
  }

  public DecisionStage getStage() {
    return stage;
  }

  public PanelRoute getDecidedByRoute() {
    return decidedByRoute;
  }

  public Long getMeetingId() {
    return meetingId;
  }

  public PanelOutcome getOutcome() {
    return outcome;
  }

  public String getRationale() {
    return rationale;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public PanelSeat getSeat() {
    return seat;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
