package org.carereviews.workflow;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Names every user task of every process, when it is created, after whom it concerns and what is at
 * stake ({@link TaskSubject}): {@code REV-000061 P-000301: Carry out review and record outcome, due
 * 30 Dec 2026}. The listener is added at parse time to every user task of every deployed model,
 * older versions included; the capabilities' {@link TaskSubjects} are looked up when a task is
 * created (not at engine start, as they use the engine themselves). The model's name stays as the
 * task's action; the description repeats the subject for Tasklist's task view.
 */
@Component
class TaskSubjectsPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TaskSubjectsPlugin.class);

  private final ObjectProvider<TaskSubjects> subjects;

  TaskSubjectsPlugin(ObjectProvider<TaskSubjects> subjects) {
    this.subjects = subjects;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    TaskListener nameTask = this::name;
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(
                  Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior())
                    .getTaskDefinition()
                    .addTaskListener(TaskListener.EVENTNAME_CREATE, nameTask);
              }
            });
  }

  void name(DelegateTask task) {
    String processKey = processKey(task);
    List<TaskSubjects> describers =
        subjects
            .orderedStream()
            .filter(describer -> describer.processKeys().contains(processKey))
            .toList();
    for (TaskSubjects describer : describers) {
      Optional<TaskSubject> subject = describer.describe(task);
      if (subject.isPresent()) {
        String name = subject.get().name(task.getName());
        task.setName(name);
        task.setDescription(name);
        return;
      }
    }
    log.info(
        "No subject for task {} of process {} ({})",
        task.getTaskDefinitionKey(),
        processKey,
        task.getProcessInstanceId());
  }

  private static String processKey(DelegateTask task) {
    if (task.getExecution() instanceof ExecutionEntity execution
        && execution.getProcessDefinition() != null) {
      return execution.getProcessDefinition().getKey();
    }
    return "";
  }
}
