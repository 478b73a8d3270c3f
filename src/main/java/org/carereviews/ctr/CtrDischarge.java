package org.carereviews.ctr;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.panel.PackageRequestCommand;
import org.carereviews.panel.PackageRequestId;
import org.carereviews.panel.PackageRequestType;
import org.carereviews.panel.PackageRequests;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.panel.ProposedPackage;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.SavingsLedger.CostChangeCommand;
import org.carereviews.savings.SavingsLineRouting;
import org.carereviews.savings.SavingsLineRouting.Direction;
import org.carereviews.savings.SavingsLineRouting.Route;
import org.carereviews.savings.SourceProcess;
import org.carereviews.workflow.FormValues;
import org.carereviews.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A review's discharge: the plan (a community package with the council/NHS split), the request to
 * the spend-control panel, its decision, and on approval the new package in the casebook and the
 * council's new cost in the savings ledger as growth, linked to the review by its reference, on the
 * savings line the council's routing table ({@code processes/review/SavingsLineRouting.dmn}) names
 * for a CTR discharge.
 */
@Service
class CtrDischarge {

  private static final Logger log = LoggerFactory.getLogger(CtrDischarge.class);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final CtrReviews reviews;
  private final DischargePlans plans;
  private final PackageRequests packageRequests;
  private final CasebookService casebook;
  private final SavingsLedger ledger;
  private final SavingsLineRouting savingsLineRouting;
  private final Workflow workflow;
  private final Clock clock;

  CtrDischarge(
      CtrReviews reviews,
      DischargePlans plans,
      PackageRequests packageRequests,
      CasebookService casebook,
      SavingsLedger ledger,
      SavingsLineRouting savingsLineRouting,
      Workflow workflow,
      Clock clock) {
    this.reviews = reviews;
    this.plans = plans;
    this.packageRequests = packageRequests;
    this.casebook = casebook;
    this.ledger = ledger;
    this.savingsLineRouting = savingsLineRouting;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** Records (or, after a deferral, revises) the discharge plan. */
  @Transactional
  @Audited(action = AuditAction.DECIDE, record = "ctr-review", id = "#reviewId")
  public void plan(long reviewId, FormValues in) {
    CtrReview review =
        reviews
            .findById(reviewId)
            .orElseThrow(() -> new RecordNotFoundException("review", reviewId));
    if (!Boolean.TRUE.equals(review.getDischargeRecommended())) {
      throw new InvalidRequestException(
          "dischargeRecommended",
          "review " + review.getReference() + " did not recommend a discharge");
    }
    InpatientEpisode episode = review.getEpisode();
    if (episode == null || !episode.isOpen()) {
      throw new InvalidRequestException("episode", "the person is no longer in hospital");
    }
    ServiceType service = in.choice(CtrProcesses.VAR_SERVICE_TYPE, ServiceType.class);
    if (service == null) {
      throw new InvalidRequestException(
          CtrProcesses.VAR_SERVICE_TYPE, "is required: the community service");
    }
    String provider = in.requiredText(CtrProcesses.VAR_PROVIDER, "who will provide the care");
    Money gross = in.money(CtrProcesses.VAR_WEEKLY_GROSS_COST);
    if (gross == null || !gross.isPositive()) {
      throw new InvalidRequestException(
          CtrProcesses.VAR_WEEKLY_GROSS_COST, "is required and must be more than 0");
    }
    Money contribution = in.money(CtrProcesses.VAR_ASSESSED_CONTRIBUTION);
    if (contribution != null && (contribution.isNegative() || contribution.isGreaterThan(gross))) {
      throw new InvalidRequestException(
          CtrProcesses.VAR_ASSESSED_CONTRIBUTION,
          "must be between 0 and the weekly " + "gross cost");
    }
    BigDecimal nhsShare = in.percent(CtrProcesses.VAR_NHS_SHARE_PERCENT);
    if (nhsShare == null
        || nhsShare.signum() < 0
        || nhsShare.compareTo(HUNDRED) > 0
        || nhsShare.stripTrailingZeros().scale() > 2) {
      throw new InvalidRequestException(
          CtrProcesses.VAR_NHS_SHARE_PERCENT,
          "is required: the NHS share of the cost "
              + "(the risk share), a percentage from 0 to 100 with at most two decimal places");
    }
    LocalDate dischargeDate = in.date(CtrProcesses.VAR_DISCHARGE_DATE);
    if (dischargeDate == null) {
      throw new InvalidRequestException(
          CtrProcesses.VAR_DISCHARGE_DATE,
          "is required: when the person leaves " + "hospital and the package starts");
    }
    episode.requireNotBeforeAdmission(CtrProcesses.VAR_DISCHARGE_DATE, dischargeDate);
    String reason = in.requiredText(CtrProcesses.VAR_DISCHARGE_REASON, "the case for the package");
    ProposedPackage proposed =
        new ProposedPackage(service, provider, gross, contribution, nhsShare, dischargeDate);
    DischargePlan plan =
        plans.findByReviewId(reviewId).orElseGet(() -> new DischargePlan(review, episode));
    if (plan.getCarePackageId() != null) {
      throw new InvalidRequestException(
          "discharge", "the discharge of review " + review.getReference() + " is already funded");
    }
    plan.plan(proposed, reason, actor(), Instant.now(clock));
    episode.planDischarge(dischargeDate);
    plans.save(plan);
  }

  /**
   * Sends the plan to the spend-control panel as a CTR discharge request; the process then waits
   * for the decision.
   */
  @Transactional
  public long submit(long reviewId, String processInstanceId) {
    DischargePlan plan = planOf(reviewId);
    PackageRequests panel = packageRequests;
    CtrReview review = plan.getReview();
    long requestId =
        panel
            .submit(
                new PackageRequestCommand(
                    PackageRequestType.CTR_DISCHARGE,
                    null,
                    review.getRegisterEntry().getPerson().getId(),
                    null,
                    plan.proposed(),
                    plan.getReason(),
                    plan.getPlannedBy(),
                    processInstanceId,
                    review.getReference()))
            .value();
    plan.submitted(requestId);
    log.info(
        "CTR review {} discharge: package request {} sent to panel",
        review.getReference(),
        requestId);
    return requestId;
  }

  /** Reads the panel's decision on the plan's request and records its outcome. */
  @Transactional
  public PanelOutcome decided(long reviewId, long requestId) {
    DischargePlan plan = planOf(reviewId);
    if (plan.getPanelRequestId() == null || plan.getPanelRequestId() != requestId) {
      throw new IllegalStateException(
          "panel decision for request "
              + requestId
              + " does not match the request of "
              + "review "
              + plan.getReview().getReference()
              + " ("
              + plan.getPanelRequestId()
              + ")");
    }
    PanelOutcome outcome = panel().decision(PackageRequestId.of(requestId)).outcome();
    plan.decided(outcome);
    return outcome;
  }

  /**
   * On approval: the community package in the casebook and the council's new weekly cost in the
   * ledger as growth (old cost nil: the hospital stay was not the council's care package), once.
   */
  @Transactional
  public void recordGrowth(long reviewId) {
    DischargePlan plan = planOf(reviewId);
    if (plan.getCarePackageId() != null) {
      return;
    }
    PanelDecisionView decision = panel().decision(PackageRequestId.of(plan.getPanelRequestId()));
    if (!decision.outcome().approves()) {
      throw new IllegalStateException("request " + plan.getPanelRequestId() + " was not approved");
    }
    ProposedPackage approved =
        decision.outcome() == PanelOutcome.APPROVED_WITH_AMENDMENT && decision.amended() != null
            ? decision.amended()
            : plan.proposed();
    CtrReview review = plan.getReview();
    String actor = actor();
    Money councilCost = approved.netWeeklyCost();
    // chosen before anything is recorded: a table without a line for it changes nothing
    String growthLine =
        councilCost.isPositive()
            ? growthLine(
                review.getRegisterEntry().getPerson().getClientGroup(), approved.serviceType())
            : null;
    CarePackage carePackage =
        casebook.recordPackage(
            review.getRegisterEntry().getPerson(),
            new PackageTerms(
                approved.serviceType(),
                approved.provider(),
                approved.weeklyGrossCost(),
                approved.assessedContribution(),
                approved.nhsSharePercent(),
                approved.effectiveDate(),
                null,
                null),
            "Discharge from hospital after Care and Treatment Review "
                + review.getReference()
                + ", approved by panel (request "
                + plan.getPanelRequestId()
                + ")",
            actor);
    if (councilCost.isPositive()) {
      ledger.record(
          new CostChangeCommand(
              SourceProcess.CTR,
              review.getReference(),
              carePackage.getId(),
              review.getRegisterEntry().getPerson().getId(),
              Money.ZERO,
              councilCost,
              approved.effectiveDate(),
              SavingsKind.GROWTH,
              growthLine,
              "Community package on discharge from hospital after "
                  + "Care and Treatment Review "
                  + review.getReference()
                  + " (NHS share "
                  + approved.nhsSharePercent()
                  + "%)",
              actor));
    }
    plan.funded(carePackage.getId(), Instant.now(clock));
    log.info(
        "CTR review {} discharge funded: package {}", review.getReference(), carePackage.getId());
  }

  /**
   * The savings line a discharge package's council cost counts toward: the council's routing table
   * asked for a cost that goes up ({@code direction} GROWTH) after a CTR discharge ({@code outcome}
   * CTR_DISCHARGE), which it must route as growth.
   */
  private String growthLine(ClientGroup clientGroup, ServiceType serviceType) {
    Route route =
        savingsLineRouting.route(
            PackageRequestType.CTR_DISCHARGE.name(),
            clientGroup.name(),
            serviceType.name(),
            Direction.GROWTH);
    if (route.kind() != SavingsKind.GROWTH) {
      throw new IllegalStateException(
          "the decision table "
              + SavingsLineRouting.DECISION
              + " must route a CTR discharge's cost to a line as GROWTH, not "
              + route);
    }
    return route.savingsLineCode();
  }

  /** Who takes the step: the user completing its task, or the process itself. */
  private String actor() {
    return workflow.currentUserId().orElse("ctr-process");
  }

  private PackageRequests panel() {
    return packageRequests;
  }

  private DischargePlan planOf(long reviewId) {
    return plans
        .findByReviewId(reviewId)
        .orElseThrow(() -> new RecordNotFoundException("discharge plan of review", reviewId));
  }
}
