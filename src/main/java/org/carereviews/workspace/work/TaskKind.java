package org.carereviews.workspace.work;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.carereviews.panel.PanelProcesses;
import org.carereviews.review.ReviewProcess;
import org.carereviews.savings.validation.ValidationDesk;

/**
 * The kinds of task a work list filters by, each with the plain name a row gives it ("Carry out
 * review") and the BPMN task ids it covers. A task of no kind here is still listed, under its own
 * name.
 */
public enum TaskKind {
  REVIEW("review", "Carry out review", ReviewProcess.TASK_CONDUCT),
  REASSESS("reassess", "Reassess needs", ReviewProcess.TASK_REASSESS),
  DECLINED("declined", "Read why the request was declined", ReviewProcess.TASK_PANEL_DECLINED),
  CHASE("chase", "Chase overdue review", ReviewProcess.TASK_CHASE_OVERDUE),
  DECIDE("decide", "Decide package request", PanelProcesses.TASK_DECIDE_UNDER_DELEGATED_AUTHORITY),
  URGENT("urgent", "Approve urgent start", PanelProcesses.TASK_APPROVE_URGENT_START),
  RETROSPECTIVE(
      "retrospective",
      "Act on the panel's retrospective decision",
      PanelProcesses.TASK_ACT_ON_RETROSPECTIVE),
  REJECTED_SAVING(
      "rejected-saving", "Correct or withdraw a rejected saving", ValidationDesk.RECORDER_TASK);

  private final String param;
  private final String plainName;
  private final String taskKey;

  TaskKind(String param, String plainName, String taskKey) {
    this.param = param;
    this.plainName = plainName;
    this.taskKey = taskKey;
  }

  public String param() {
    return param;
  }

  public String plainName() {
    return plainName;
  }

  public String taskKey() {
    return taskKey;
  }

  static Optional<TaskKind> ofParam(String param) {
    return Arrays.stream(values()).filter(k -> k.param.equals(param)).findFirst();
  }

  static Optional<TaskKind> ofTaskKey(String taskKey) {
    return Arrays.stream(values()).filter(k -> k.taskKey.equals(taskKey)).findFirst();
  }

  /**
   * The plain name of a task: its kind's, else the name the model gives it without the subject's
   * references.
   */
  static String plainName(String taskKey, String engineName) {
    return ofTaskKey(taskKey).map(TaskKind::plainName).orElseGet(() -> withoutSubject(engineName));
  }

  private static String withoutSubject(String engineName) {
    if (engineName == null) {
      return "Task";
    }
    int colon = engineName.indexOf(": ");
    String rest = colon < 0 ? engineName : engineName.substring(colon + 2);
    int comma = rest.lastIndexOf(", due ");
    return comma < 0 ? rest : rest.substring(0, comma);
  }

  static List<TaskKind> forManagers() {
    return List.of(CHASE, DECIDE, URGENT);
  }
}
