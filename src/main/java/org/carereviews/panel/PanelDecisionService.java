package org.carereviews.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records decisions on package requests, with every rule checked before anything is written: the
 * rationale, amendment and deferral rules; who may decide (a team manager of the person's team, or
 * a quorate panel's seated member deciding for their own seat); never the proposer; never twice.
 * The same rules apply whether the decision comes through the API or a Tasklist form.
 */
@Service
public class PanelDecisionService {

  private static final String[] DECISION_TASKS = {
    PanelProcesses.TASK_DECIDE_UNDER_DELEGATED_AUTHORITY,
    PanelProcesses.TASK_DECIDE_AT_PANEL,
    PanelProcesses.TASK_APPROVE_URGENT_START,
    PanelProcesses.TASK_REVIEW_RETROSPECTIVELY
  };

  private final PackageRequestRecords requests;
  private final WaitingPackageRequests waiting;
  private final PanelDecisions decisions;
  private final PanelMeetingService meetings;
  private final Workflow workflow;
  private final Clock clock;

  PanelDecisionService(
      PackageRequestRecords requests,
      PanelDecisions decisions,
      PanelMeetingService meetings,
      Workflow workflow,
      Clock clock,
      WaitingPackageRequests waiting) {
    this.requests = requests;
    this.waiting = waiting;
    this.decisions = decisions;
    this.meetings = meetings;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** The stage a decision task decides. */
  static DecisionStage stageOf(String taskDefinitionKey) {
    return PanelProcesses.TASK_REVIEW_RETROSPECTIVELY.equals(taskDefinitionKey)
        ? DecisionStage.RETROSPECTIVE
        : DecisionStage.DECISION;
  }

  /** A decision through the API: recorded, then the request's waiting task is completed. */
  @Transactional
  public PanelDecision decideThroughApi(
      CareUser user, PackageRequestId requestId, DecisionInput input) {
    PackageRequest request =
        requests
            .findById(requestId.value())
            .orElseThrow(() -> new RecordNotFoundException("package request", requestId.value()));
    OpenTask task =
        workflow
            .openTaskOfCase(PanelProcesses.requestBusinessKey(requestId.value()), DECISION_TASKS)
            .orElseThrow(
                () ->
                    new StateConflictException(
                        "package request " + requestId + " has no decision waiting"));
    PanelDecision decision = decide(user, request, stageOf(task.key()), input);
    workflow.completeAsService(
        task, PanelMessages.OUTCOME.put(new HashMap<>(), decision.getOutcome().name()));
    return decision;
  }

  /**
   * A decision from the task being completed (Tasklist form); nothing if the API recorded it
   * already.
   */
  @Transactional
  @Audited(action = AuditAction.DECIDE, record = "panel-request", id = "#requestId")
  public PanelDecision decideForTask(
      CareUser user, long requestId, String taskDefinitionKey, DecisionInput input) {
    DecisionStage stage = stageOf(taskDefinitionKey);
    var recorded = decisions.findByRequestIdAndStage(requestId, stage);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    if (user == null) {
      throw new AccessDeniedException("a decision needs a signed-in decider");
    }
    PackageRequest request =
        requests
            .findById(requestId)
            .orElseThrow(() -> new RecordNotFoundException("package request", requestId));
    return decide(user, request, stage, input);
  }

  private PanelDecision decide(
      CareUser user, PackageRequest request, DecisionStage stage, DecisionInput input) {
    if (decisions.existsByRequestIdAndStage(request.getId(), stage)) {
      throw new StateConflictException(
          "package request " + request.getId() + " has already been decided");
    }
    PanelDecision.Content content = content(input);
    PanelDecision.Deciders deciders = deciders(user, request, stage, input);
    PanelDecision decision =
        decisions.saveAndFlush(
            new PanelDecision(request.getId(), stage, content, deciders, Instant.now(clock)));
    if (stage == DecisionStage.DECISION) {
      // Decided: the package may have its next request (a deferral is answered by a new one).
      waiting.deleteByRequestId(request.getId());
    }
    return decision;
  }

  private PanelDecision.Content content(DecisionInput input) {
    if (input == null || input.outcome() == null) {
      throw new InvalidRequestException(
          "outcome", "must be one of APPROVED, APPROVED_WITH_AMENDMENT, DEFERRED, DECLINED");
    }
    String rationale = blankToNull(input.rationale());
    if (input.outcome() != PanelOutcome.APPROVED && rationale == null) {
      throw new InvalidRequestException(
          "rationale", "is required for every decision but a plain approval");
    }
    ProposedPackage amended = null;
    if (input.outcome() == PanelOutcome.APPROVED_WITH_AMENDMENT) {
      if (input.amended() == null) {
        throw new InvalidRequestException(
            "amended", "an approval with amendment needs the amended figures");
      }
      PanelRequestService.validateFigures("amended", input.amended());
      amended = input.amended();
    } else if (input.amended() != null) {
      throw new InvalidRequestException(
          "amended", "figures are only for an approval with amendment");
    }
    String question = null;
    LocalDate returnBy = null;
    if (input.outcome() == PanelOutcome.DEFERRED) {
      question = blankToNull(input.question());
      if (question == null) {
        throw new InvalidRequestException(
            "question", "a deferral needs the question the proposer must answer");
      }
      if (input.returnBy() == null) {
        throw new InvalidRequestException("returnBy", "a deferral needs a return-by date");
      }
      if (!input.returnBy().isAfter(LocalDate.now(clock))) {
        throw new InvalidRequestException("returnBy", "must be after today");
      }
      returnBy = input.returnBy();
    }
    return new PanelDecision.Content(input.outcome(), amended, rationale, question, returnBy);
  }

  private PanelDecision.Deciders deciders(
      CareUser user, PackageRequest request, DecisionStage stage, DecisionInput input) {
    if (user.userId().equals(request.getProposedBy())) {
      throw new AccessDeniedException("the proposer cannot decide their own request");
    }
    boolean byTeamManager =
        stage == DecisionStage.DECISION && request.getRoute() != PanelRoute.PANEL;
    if (byTeamManager) {
      if (!user.hasRole(Roles.TEAM_MANAGER) || !user.teamCodes().contains(request.getTeamCode())) {
        throw new AccessDeniedException(
            "only a team manager of the person's team decides under delegated authority");
      }
      return PanelDecision.Deciders.teamManager(user.userId());
    }
    PanelMeeting meeting = meetings.openMeetingToday();
    PanelMeetingService.Seats seats = meetings.seats(meeting);
    if (input.seat() == null) {
      throw new InvalidRequestException(
          "seat", "a panel decision names the seat the member decides for");
    }
    if (!user.userId().equals(seats.holders().get(input.seat()))) {
      throw new AccessDeniedException(
          user.userId() + " does not hold the " + input.seat() + " seat at today's meeting");
    }
    if (!seats.quorate()) {
      throw new StateConflictException(
          "today's meeting is not quorate: the ASC, finance and commissioning seats must all be filled");
    }
    if (seats.seated(request.getProposedBy())) {
      throw new StateConflictException(
          "the proposer of request "
              + request.getId()
              + " sits on today's panel and cannot take part in deciding it");
    }
    return new PanelDecision.Deciders(
        PanelRoute.PANEL,
        meeting.getId(),
        user.userId(),
        input.seat(),
        seats.holders().get(PanelSeat.ASC),
        seats.holders().get(PanelSeat.FINANCE),
        seats.holders().get(PanelSeat.COMMISSIONING));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
