package org.carereviews.workspace.work;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookViews.PackageView;
import org.carereviews.casebook.CasebookViews.PersonView;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.panel.PanelPacks;
import org.carereviews.panel.PanelPacks.Pack;
import org.carereviews.panel.PanelRoute;
import org.carereviews.panel.RequestLines;
import org.carereviews.panel.RequestLines.RequestLine;
import org.carereviews.review.ReviewLines;
import org.carereviews.review.ReviewLines.ReviewLine;
import org.carereviews.review.ReviewOutcome;
import org.carereviews.review.ReviewStatus;
import org.carereviews.savings.CostChange;
import org.carereviews.savings.CostChangeId;
import org.carereviews.savings.SavingsLedger;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workflow.Workflow;
import org.carereviews.workspace.forms.FormDefinition;
import org.carereviews.workspace.forms.FormDefinitions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doing a task in the workspace: the task as the user may see it, its form, the case beside it, the
 * completion as the user (one transaction: a refusal records nothing), and what the process did
 * next.
 */
@Service
public class TaskWork {

  private static final String REQUEST_KEY_PREFIX = "request-";
  private static final String SAVING_KEY_PREFIX = "saving-";

  /**
   * What the confirmation says. {@code pending}: the process has not taken its next step yet (shown
   * again shortly).
   */
  public record NextStep(String title, String body, boolean pending) {}

  private final Workflow workflow;
  private final FormDefinitions forms;
  private final ReviewLines reviews;
  private final RequestLines requests;
  private final PanelPacks packs;
  private final CasebookService casebook;
  private final SavingsLedger ledger;

  TaskWork(
      Workflow workflow,
      FormDefinitions forms,
      ReviewLines reviews,
      RequestLines requests,
      PanelPacks packs,
      CasebookService casebook,
      SavingsLedger ledger) {
    this.ledger = ledger;
    this.workflow = workflow;
    this.forms = forms;
    this.reviews = reviews;
    this.requests = requests;
    this.packs = packs;
    this.casebook = casebook;
  }

  /**
   * The open task, if the user may see it (Camunda's authorizations) and read its case (their
   * team).
   */
  OpenTask task(CareUser user, String taskId) {
    if (taskId == null || !taskId.matches("[A-Za-z0-9-]{1,64}")) {
      throw new RecordNotFoundException("task", taskId);
    }
    OpenTask task =
        workflow
            .visibleTask(user, taskId)
            .orElseThrow(() -> new RecordNotFoundException("task", taskId));
    caseOf(user, task);
    return task;
  }

  /** The form the task's model names; a task without one is not done here. */
  FormDefinition form(OpenTask task) {
    return workflow
        .formRef(task)
        .flatMap(forms::byId)
        .orElseThrow(() -> new RecordNotFoundException("form of task", task.id()));
  }

  Map<String, Object> variables(OpenTask task) {
    return workflow.variables(task);
  }

  /** The case beside the form; refuses a user who may not read it. */
  @Transactional(readOnly = true)
  TaskCase caseOf(CareUser user, OpenTask task) {
    String key = task.businessKey();
    if (key != null
        && key.startsWith(REQUEST_KEY_PREFIX)
        && key.substring(REQUEST_KEY_PREFIX.length()).matches("\\d{1,18}")) {
      Pack pack = packs.packFor(user, Long.parseLong(key.substring(REQUEST_KEY_PREFIX.length())));
      PersonView person = casebook.getPerson(user, pack.person().personId());
      PackageView current =
          pack.currentPackageId() == null ? null : packageOf(person, pack.currentPackageId());
      ReviewLine last = reviews.lastCompleted(person.id()).orElse(null);
      return new TaskCase(person, current, null, last, pack);
    }
    if (key != null
        && key.startsWith(SAVING_KEY_PREFIX)
        && key.substring(SAVING_KEY_PREFIX.length()).matches("\\d{1,18}")) {
      // a saving's task (its recorder's answer to a rejection): the person and package it is of
      CostChange saving =
          ledger.entry(CostChangeId.of(Long.parseLong(key.substring(SAVING_KEY_PREFIX.length()))));
      PersonView person = casebook.getPerson(user, saving.getPersonId());
      return new TaskCase(
          person,
          packageOf(person, saving.getCarePackageId()),
          null,
          reviews.lastCompleted(person.id()).orElse(null),
          null);
    }
    Optional<ReviewLine> review = reviews.ofProcess(task.processInstanceId());
    if (review.isPresent()) {
      if (!user.canReadTeam(review.get().teamCode())) {
        throw new AccessDeniedException(
            "review " + review.get().reference() + " belongs to another team");
      }
      PersonView person = casebook.getPerson(user, review.get().personId());
      return new TaskCase(
          person,
          packageOf(person, review.get().packageId()),
          review.get(),
          reviews.lastCompleted(person.id()).orElse(null),
          null);
    }
    return new TaskCase(null, null, null, null, null);
  }

  /**
   * For a chase of an overdue review: the name of the worker the review is allocated to, or empty
   * while nobody has it (the chase asks the manager to allocate it); none for other tasks.
   */
  Optional<String> reviewHolder(OpenTask task) {
    if (!TaskKind.CHASE.taskKey().equals(task.key())) {
      return Optional.empty();
    }
    Optional<OpenTask> conduct =
        workflow.openTask(task.processInstanceId(), TaskKind.REVIEW.taskKey());
    if (conduct.isEmpty()) {
      return Optional.empty();
    }
    String worker = conduct.get().assignee();
    return Optional.of(
        worker == null ? "" : workflow.userNames(List.of(worker)).getOrDefault(worker, worker));
  }

  private static PackageView packageOf(PersonView person, long packageId) {
    return person.packages().stream().filter(p -> p.id() == packageId).findFirst().orElse(null);
  }

  /**
   * Completes the task as the user: the engine's authentication is theirs, so Camunda checks they
   * may and the task's listeners record them as who decided. One transaction with the listeners'
   * and the next steps' writes: a refusal leaves everything as it was.
   */
  @Transactional
  void complete(CareUser user, OpenTask task, Map<String, Object> variables) {
    workflow.asUser(
        user,
        () -> {
          workflow.complete(task, variables);
          return null;
        });
  }

  /**
   * What the process did after the user completed a task of it at {@code completedAt}; {@code
   * done}, the kind of task completed, when known.
   */
  @Transactional(readOnly = true)
  NextStep nextStep(
      CareUser user,
      String processInstanceId,
      String businessKey,
      Instant completedAt,
      TaskKind done) {
    if (businessKey != null
        && businessKey.startsWith(REQUEST_KEY_PREFIX)
        && businessKey.substring(REQUEST_KEY_PREFIX.length()).matches("\\d{1,18}")) {
      return afterDecision(
          user, Long.parseLong(businessKey.substring(REQUEST_KEY_PREFIX.length())));
    }
    if (businessKey != null
        && businessKey.startsWith(SAVING_KEY_PREFIX)
        && businessKey.substring(SAVING_KEY_PREFIX.length()).matches("\\d{1,18}")) {
      return afterRecorder(
          user, CostChangeId.of(Long.parseLong(businessKey.substring(SAVING_KEY_PREFIX.length()))));
    }
    ReviewLine review =
        reviews
            .ofProcess(processInstanceId)
            .orElseThrow(() -> new RecordNotFoundException("review of process", processInstanceId));
    if (!user.canReadTeam(review.teamCode())) {
      throw new AccessDeniedException("review " + review.reference() + " belongs to another team");
    }
    if (done == TaskKind.CHASE) {
      return afterChase(review);
    }
    if (review.status() == ReviewStatus.COMPLETED) {
      return new NextStep("Review closed", closed(user, review, processInstanceId), false);
    }
    Optional<RequestLine> request =
        requests
            .latestOfProcess(processInstanceId)
            .filter(r -> !r.receivedAt().isBefore(completedAt.minusSeconds(1)));
    if (request.isPresent()) {
      RequestLine sent = request.get();
      if (sent.route() == PanelRoute.TEAM_MANAGER) {
        List<String> managers = workflow.membersOf(List.of(Roles.managerGroup(review.teamCode())));
        Map<String, String> names = workflow.userNames(managers);
        String who =
            managers.size() == 1
                ? names.getOrDefault(managers.get(0), "your team manager")
                : "your team manager";
        return new NextStep(
            "Sent to " + who + " under delegated authority",
            "The package request for review "
                + review.reference()
                + " is with "
                + who
                + ". You will see the decision in your work list.",
            false);
      }
      return new NextStep(
          "Sent to the spend-control panel for " + Outcomes.DATE.format(sent.firstMeeting()),
          "The package request for review "
              + review.reference()
              + " goes to the panel meeting on "
              + Outcomes.DATE.format(sent.firstMeeting())
              + ". You will see the decision in your work list.",
          false);
    }
    if (review.status() == ReviewStatus.AWAITING_NHS_DECISION) {
      return new NextStep(
          "Referred for NHS Continuing Healthcare",
          "Review " + review.reference() + " waits for the NHS decision.",
          false);
    }
    List<OpenTask> open =
        workflow.openTasks(processInstanceId).stream()
            .filter(t -> !TaskKind.CHASE.taskKey().equals(t.key()))
            .toList();
    if (!open.isEmpty()) {
      return new NextStep(
          "Next: " + TaskKind.plainName(open.get(0).key(), open.get(0).name()),
          "Review "
              + review.reference()
              + " waits for this step. It is in the work list of whoever does it.",
          false);
    }
    if (review.outcome() != null && review.outcome() == ReviewOutcome.NO_CHANGE) {
      return new NextStep(
          "Closing the review",
          "The outcome of review "
              + review.reference()
              + " is recorded and the review is being closed.",
          true);
    }
    return new NextStep(
        "Outcome recorded",
        "The outcome of review "
            + review.reference()
            + " is recorded; its next step is being taken.",
        true);
  }

  /**
   * After a recorder's answer to finance's rejection of their saving (only its recorder is told).
   */
  private NextStep afterRecorder(CareUser user, CostChangeId saving) {
    if (!user.userId().equals(ledger.entry(saving).getRecordedBy())) {
      throw new RecordNotFoundException("saving", saving);
    }
    return switch (ledger.stageOf(saving)) {
      case WITHDRAWN ->
          new NextStep(
              "Saving " + saving + " withdrawn",
              "Saving "
                  + saving
                  + " is withdrawn: it is no longer claimed, and nothing else is"
                  + " needed from you.",
              false);
      case IDENTIFIED ->
          new NextStep(
              "Saving " + saving + " resubmitted",
              "Saving "
                  + saving
                  + " goes back to finance with your note, to be validated again. If finance"
                  + " rejects it again, it comes back to your work list.",
              false);
      default ->
          new NextStep(
              "Recorded",
              "Saving " + saving + " is " + ledger.stageOf(saving).name().toLowerCase() + ".",
              false);
    };
  }

  /**
   * What a closed review left the package as: changed, or (its request declined) as it was; a
   * review that changed nothing only says it is complete.
   */
  private String closed(CareUser user, ReviewLine review, String processInstanceId) {
    if (review.outcome() == null || !review.outcome().changesPackage()) {
      return "Review " + review.reference() + " is complete and its next review date is set.";
    }
    boolean declined =
        requests
            .latestOfProcess(processInstanceId)
            .map(sent -> packs.packFor(user, sent.requestId()).decisions())
            .flatMap(
                decisions ->
                    decisions.stream()
                        .max(java.util.Comparator.comparing(PanelDecisionView::decidedAt)))
            .filter(decision -> decision.outcome() == PanelOutcome.DECLINED)
            .isPresent();
    return declined
        ? "Review "
            + review.reference()
            + " is closed with the package as it was, and its next review date is set."
        : "Review "
            + review.reference()
            + " is complete: the package change is recorded and its next review date is set.";
  }

  /**
   * After a chase: who holds the overdue review now (the chase asks the manager to allocate it or
   * chase its worker), or what it waits for.
   */
  private NextStep afterChase(ReviewLine review) {
    String due = review.dueDate() == null ? "" : ", due " + Outcomes.DATE.format(review.dueDate());
    Optional<OpenTask> conduct =
        workflow.openTask(review.processInstanceId(), TaskKind.REVIEW.taskKey());
    String body;
    if (conduct.isPresent() && conduct.get().assignee() != null) {
      String worker = conduct.get().assignee();
      body =
          "Review "
              + review.reference()
              + due
              + ", is allocated to "
              + workflow.userNames(List.of(worker)).getOrDefault(worker, worker)
              + ". It shows as overdue in their work list until it is done.";
    } else if (conduct.isPresent()) {
      body =
          "Review "
              + review.reference()
              + due
              + ", is not allocated yet: allocate it from your team's work.";
    } else {
      List<OpenTask> open =
          workflow.openTasks(review.processInstanceId()).stream()
              .filter(t -> !TaskKind.CHASE.taskKey().equals(t.key()))
              .toList();
      body =
          "Review "
              + review.reference()
              + due
              + (open.isEmpty()
                  ? ", waits for a decision on its package request."
                  : ", waits for its next step: "
                      + TaskKind.plainName(open.get(0).key(), open.get(0).name())
                      + ".");
    }
    return new NextStep("Chase recorded", body, false);
  }

  private NextStep afterDecision(CareUser user, long requestId) {
    Pack pack = packs.packFor(user, requestId);
    if (pack.decisions().isEmpty()) {
      return new NextStep(
          "Recorded", "Package request " + requestId + " waits for its decision.", false);
    }
    PanelDecisionView decision =
        pack.decisions().stream()
            .max(java.util.Comparator.comparing(PanelDecisionView::decidedAt))
            .orElseThrow();
    String proposer =
        pack.proposedBy() == null
            ? "The worker"
            : workflow
                .userNames(List.of(pack.proposedBy()))
                .getOrDefault(pack.proposedBy(), pack.proposedBy());
    return new NextStep(
        Outcomes.label(decision) + ": decision recorded",
        proposer
            + " sees the decision in their work list"
            + (pack.sourceReference() == null
                ? "."
                : ", and review " + pack.sourceReference() + " goes on from it."),
        false);
  }
}
