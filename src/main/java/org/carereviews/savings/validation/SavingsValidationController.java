package org.carereviews.savings.validation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.CurrentUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.savings.validation.ChangeAndEfficiencyBoard.BoardList;
import org.carereviews.savings.validation.ProposedEfficiencies.ProposalView;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.savings.validation.SavingsProcesses.Proposal;
import org.carereviews.savings.validation.SavingsValidation.RecorderDecision;
import org.carereviews.savings.validation.ValidationDesk.DecisionRequest;
import org.carereviews.savings.validation.ValidationDesk.Evidence;
import org.carereviews.savings.validation.ValidationDesk.QueueItem;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Finance validation, the Change and Efficiency Board and proposed efficiencies. */
@Tag(
    name = "Savings validation",
    description = "Finance validation, board ratification, proposed efficiencies")
@RestController
@RequestMapping("/api/savings")
class SavingsValidationController {

  record Decision(
      SavingsValidation.Decision decision,
      Money validatedWeeklyDelta,
      Boolean newCostLive,
      String reason) {}

  record Batch(List<DecisionRequest> items) {}

  record RecorderNote(String note) {}

  record Done(long costChangeId, String stage) {}

  record GatherRequest(String month) {}

  record HoldBack(Long costChangeId, String reason) {}

  record BoardDecision(List<HoldBack> holdBacks) {}

  record ProposalRequest(
      String code,
      String name,
      String theme,
      SavingsKind kind,
      String owner,
      String financialYear,
      Money target,
      String rationale) {}

  record CheckRequest(Boolean achievable, String note) {}

  private final ValidationDesk desk;
  private final ChangeAndEfficiencyBoard board;
  private final BoardDesk boardDesk;
  private final ProposedEfficiencies proposals;
  private final Workflow workflow;
  private final SavingsLedger ledger;
  private final CurrentUser currentUser;
  private final Clock clock;

  SavingsValidationController(
      ValidationDesk desk,
      ChangeAndEfficiencyBoard board,
      BoardDesk boardDesk,
      ProposedEfficiencies proposals,
      Workflow workflow,
      SavingsLedger ledger,
      CurrentUser currentUser,
      Clock clock) {
    this.desk = desk;
    this.board = board;
    this.boardDesk = boardDesk;
    this.proposals = proposals;
    this.workflow = workflow;
    this.ledger = ledger;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Operation(
      summary =
          "The savings waiting for me: validations, second validations, or my rejected savings")
  @GetMapping("/validations/queue")
  @Audited(action = AuditAction.LIST, record = "saving")
  List<QueueItem> queue() {
    return desk.queue(currentUser.get(), 200);
  }

  @Operation(
      summary =
          "A saving's evidence: package versions before and after, the approving decision, effective "
              + "date, validation steps and status history")
  @GetMapping("/validations/{costChangeId}")
  @Audited(action = AuditAction.READ, record = "saving", id = "#costChangeId")
  Evidence evidence(@PathVariable long costChangeId) {
    return desk.evidence(currentUser.get(), CostChangeId.of(costChangeId));
  }

  @Operation(
      summary =
          "Validate (confirming the new cost is live; a different amount needs a reason) or reject "
              + "(with a reason) one saving")
  @PostMapping("/validations/{costChangeId}")
  Done decide(@PathVariable long costChangeId, @RequestBody Decision body) {
    desk.decide(
        currentUser.get(),
        CostChangeId.of(costChangeId),
        new DecisionRequest(
            costChangeId,
            body.decision(),
            body.validatedWeeklyDelta(),
            body.newCostLive(),
            body.reason()));
    return done(costChangeId);
  }

  @Operation(summary = "Decide a batch of savings at once: all or nothing")
  @PostMapping("/validations/batch")
  Map<String, Integer> decideBatch(@RequestBody Batch body) {
    return Map.of("decided", desk.decideAll(currentUser.get(), body.items()));
  }

  @Operation(summary = "The recorder resubmits a rejected saving, saying what was corrected")
  @PostMapping("/validations/{costChangeId}/resubmission")
  Done resubmit(@PathVariable long costChangeId, @RequestBody RecorderNote body) {
    desk.recorderDecides(
        currentUser.get(), CostChangeId.of(costChangeId), RecorderDecision.RESUBMIT, body.note());
    return done(costChangeId);
  }

  @Operation(summary = "The recorder withdraws a rejected saving, saying why")
  @PostMapping("/validations/{costChangeId}/withdrawal")
  Done withdraw(@PathVariable long costChangeId, @RequestBody RecorderNote body) {
    desk.recorderDecides(
        currentUser.get(), CostChangeId.of(costChangeId), RecorderDecision.WITHDRAW, body.note());
    return done(costChangeId);
  }

  @Operation(
      summary =
          "Gather a month's board list now (the monthly timer does this on the configured day)")
  @PostMapping("/board/meetings")
  ResponseEntity<BoardList> gather(@RequestBody(required = false) GatherRequest body) {
    CareUser user = currentUser.get();
    if (!user.hasAnyRole(java.util.Set.of(Roles.HEAD_OF_FINANCE, Roles.BOARD_MEMBER))) {
      throw new AccessDeniedException(
          "gathering the board's list is for the head of finance and board members");
    }
    YearMonth month =
        body == null || body.month() == null ? YearMonth.now(clock) : month(body.month());
    String businessKey = Board.businessKey(month.toString());
    if (workflow.isRunning(Board.KEY, businessKey)) {
      throw new StateConflictException("the list of " + month + " has been gathered already");
    }
    workflow.start(Board.KEY, businessKey, Board.startVariables(month, user.userId()));
    return ResponseEntity.created(URI.create("/api/savings/board/meetings/" + month))
        .body(board.list(board.meetingOf(month).getId()));
  }

  @Operation(summary = "A month's board list and its decisions")
  @GetMapping("/board/meetings/{month}")
  BoardList boardList(@PathVariable String month) {
    boardReader(currentUser.get());
    return board.list(board.meetingOf(month(month)).getId());
  }

  @Operation(
      summary = "The board ratifies the month's list, holding back named savings with a reason")
  @PostMapping("/board/meetings/{month}/decision")
  @Transactional
  BoardList decideList(@PathVariable String month, @RequestBody BoardDecision body) {
    CareUser user = currentUser.get();
    if (!user.hasRole(Roles.BOARD_MEMBER)) {
      throw new AccessDeniedException(
          "ratifying savings is for members of the Change and Efficiency Board");
    }
    YearMonth meetingMonth = month(month);
    Map<Long, String> holdBacks = new LinkedHashMap<>();
    List<HoldBack> given = body.holdBacks() == null ? List.of() : body.holdBacks();
    for (int i = 0; i < given.size(); i++) {
      if (given.get(i).costChangeId() == null) {
        throw new InvalidRequestException("holdBacks[" + i + "].costChangeId", "is required");
      }
      if (holdBacks.put(
              given.get(i).costChangeId(),
              given.get(i).reason() == null ? "" : given.get(i).reason())
          != null) {
        throw new InvalidRequestException(
            "holdBacks[" + i + "].costChangeId",
            "saving " + given.get(i).costChangeId() + " is held back twice");
      }
    }
    boardDesk.decide(user, meetingMonth, holdBacks);
    return board.list(board.meetingOf(meetingMonth).getId());
  }

  @Operation(
      summary =
          "Propose a new savings line with a target; the head of finance checks it is achievable")
  @PostMapping("/proposals")
  @Transactional
  ResponseEntity<ProposalView> propose(@RequestBody ProposalRequest body) {
    CareUser user = currentUser.get();
    EfficiencyProposal proposal =
        proposals.propose(
            user,
            new ProposedEfficiencies.Proposal(
                body.code(),
                body.name(),
                body.theme(),
                body.kind(),
                body.owner(),
                body.financialYear(),
                body.target(),
                body.rationale()));
    workflow.start(
        Proposal.KEY,
        Proposal.businessKey(proposal.getId()),
        Proposal.startVariables(proposal.getId(), user.userId()));
    return ResponseEntity.created(URI.create("/api/savings/proposals/" + proposal.getId()))
        .body(proposals.view(proposal.getId()));
  }

  @Operation(summary = "A proposed efficiency and its check")
  @GetMapping("/proposals/{id}")
  ProposalView proposal(@PathVariable long id) {
    boardReader(currentUser.get());
    return proposals.view(id);
  }

  @Operation(summary = "The head of finance's achievability check: achievable joins the programme")
  @PostMapping("/proposals/{id}/check")
  @Transactional
  ProposalView check(@PathVariable long id, @RequestBody CheckRequest body) {
    CareUser user = currentUser.get();
    if (!user.hasRole(Roles.HEAD_OF_FINANCE)) {
      throw new AccessDeniedException("the achievability check is for the head of finance");
    }
    proposals.proposal(id);
    OpenTask task =
        workflow.openTaskOfCase(Proposal.businessKey(id), Proposal.TASK_CHECK).orElse(null);
    if (task == null) {
      throw new StateConflictException("proposal " + id + " is not waiting for its check");
    }
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(Proposal.FIELD_ACHIEVABLE, body.achievable());
    variables.put(Proposal.FIELD_NOTE, body.note());
    workflow.complete(task, variables);
    return proposals.view(id);
  }

  private Done done(long costChangeId) {
    return new Done(costChangeId, ledger.stageOf(CostChangeId.of(costChangeId)).name());
  }

  private static void boardReader(CareUser user) {
    if (!user.hasAnyRole(BoardDesk.READERS)) {
      throw new AccessDeniedException(
          "the savings programme's decisions are for finance, the board, directors and auditors");
    }
  }

  private static YearMonth month(String text) {
    YearMonth month;
    try {
      month = text.matches("[0-9]{4}-[0-9]{2}") ? YearMonth.parse(text) : null;
    } catch (DateTimeParseException e) {
      month = null;
    }
    if (month == null) {
      throw new InvalidRequestException("month", "is not a month written yyyy-mm, such as 2026-04");
    }
    String outside = org.carereviews.common.DateWindows.monthProblem(month);
    if (outside != null) {
      throw new InvalidRequestException("month", outside);
    }
    return month;
  }
}
