package org.carereviews.workspace.work;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.ctr.CtrWork;
import org.carereviews.identity.CareUser;
import org.carereviews.workflow.OpenTask;
import org.carereviews.workspace.forms.FormAnswers;
import org.carereviews.workspace.forms.FormDefinition;
import org.carereviews.workspace.forms.FormErrors;
import org.carereviews.workspace.forms.FormSubmission;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Doing a task, {@code /tasks/{taskId}}: its form (the one Tasklist shows, from its {@code
 * camunda:formRef}) beside the case; a POST checks the form's rules, then completes the task as the
 * user; every refusal comes back as a GOV.UK error summary linking to the field, with nothing
 * recorded. Then a confirmation saying what happens next, read from what the process did.
 */
@Controller
class TaskController {

  private final TaskWork work;
  private final WorkLists lists;
  private final CtrWork ctr;
  private final Clock clock;

  TaskController(TaskWork work, WorkLists lists, CtrWork ctr, Clock clock) {
    this.work = work;
    this.lists = lists;
    this.ctr = ctr;
    this.clock = clock;
  }

  @GetMapping("/tasks/{task}")
  @Audited(action = AuditAction.READ, record = "task", id = "#taskId")
  String show(CareUser user, @PathVariable("task") String taskId, Model model) {
    OpenTask task = work.task(user, taskId);
    // a CTR step has its own page: the panel chosen by name, the meeting's list of recommendations
    var ctrStep = ctr.stepOf(task);
    if (ctrStep.isPresent()) {
      CtrWork.Step step = ctrStep.get().getKey();
      return "redirect:/ctr/"
          + (step.ofAction() ? "actions/" : "reviews/")
          + ctrStep.get().getValue()
          + "/"
          + step.path();
    }
    FormDefinition form = work.form(task);
    page(user, task, form, FormAnswers.of(work.variables(task)), FormErrors.none(), model);
    return "workspace/work/task";
  }

  @PostMapping("/tasks/{task}")
  String submit(
      CareUser user,
      @PathVariable("task") String taskId,
      @RequestParam MultiValueMap<String, String> posted,
      Model model) {
    OpenTask task = work.task(user, taskId);
    FormDefinition form = work.form(task);
    Map<String, Object> variables = work.variables(task);
    FormSubmission submission = form.submit(posted, variables);
    if (submission.accepted()) {
      Instant completedAt = clock.instant();
      try {
        work.complete(user, task, submission.variables());
        return "redirect:/tasks/"
            + task.id()
            + "/done?process="
            + task.processInstanceId()
            + "&case="
            + (task.businessKey() == null ? "" : task.businessKey())
            + "&at="
            + completedAt.toEpochMilli()
            + TaskKind.ofTaskKey(task.key()).map(kind -> "&kind=" + kind.param()).orElse("");
      } catch (InvalidRequestException refused) {
        submission = submission.refused(refused.field(), sentence(refused.getMessage()));
      } catch (StateConflictException | AccessDeniedException refused) {
        submission = submission.refused(null, refused.getMessage());
      }
    }
    page(user, task, form, submission.answers(), submission.errors(), model);
    return "workspace/work/task";
  }

  /**
   * The confirmation: what the process did after the task (drawn again by htmx while its next step
   * is pending).
   */
  @GetMapping("/tasks/{task}/done")
  String done(
      CareUser user,
      @PathVariable("task") String taskId,
      @RequestParam String process,
      @RequestParam(name = "case", required = false) String businessKey,
      @RequestParam(required = false) String at,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String partial,
      Model model) {
    if (!process.matches("[A-Za-z0-9-]{1,64}")) {
      throw new org.carereviews.common.web.RecordNotFoundException("process", process);
    }
    Instant completedAt =
        at != null && at.matches("\\d{1,15}")
            ? Instant.ofEpochMilli(Long.parseLong(at))
            : clock.instant();
    TaskKind done = kind == null ? null : TaskKind.ofParam(kind).orElse(null);
    model.addAttribute("next", work.nextStep(user, process, businessKey, completedAt, done));
    model.addAttribute(
        "refreshUrl",
        "/tasks/"
            + taskId
            + "/done?process="
            + process
            + "&case="
            + (businessKey == null ? "" : businessKey)
            + "&at="
            + completedAt.toEpochMilli()
            + (done == null ? "" : "&kind=" + done.param())
            + "&partial=true");
    if (partial != null) {
      return "workspace/work/done :: confirmation";
    }
    model.addAttribute("navCounts", Map.of(WorkController.MY_WORK, lists.myWorkCount(user)));
    return "workspace/work/done";
  }

  /**
   * A refusal that is a whole sentence ("a reduction must lower ...") is shown as it is; one that
   * needs its field's label as subject ("must be at most ...") gets it from the form.
   */
  static String sentence(String message) {
    if (message != null && message.matches("(?s)(a|an|the|only|this|that) .*")) {
      return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
    return message;
  }

  private void page(
      CareUser user,
      OpenTask task,
      FormDefinition form,
      FormAnswers answers,
      FormErrors errors,
      Model model) {
    model.addAttribute("task", task);
    model.addAttribute("whatToDo", TaskKind.plainName(task.key(), task.name()));
    model.addAttribute("caseOf", work.caseOf(user, task));
    model.addAttribute("reviewHolder", work.reviewHolder(task).orElse(null));
    model.addAttribute("form", form);
    model.addAttribute("values", answers);
    model.addAttribute("errors", errors);
    model.addAttribute("navCounts", Map.of(WorkController.MY_WORK, lists.myWorkCount(user)));
  }
}
