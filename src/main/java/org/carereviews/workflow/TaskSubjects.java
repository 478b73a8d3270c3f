package org.carereviews.workflow;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A capability's account of what its processes' user tasks concern, from its own records. Every
 * user task of every process is named with it when created ({@link TaskSubjectsPlugin}), so
 * Tasklist's list says whom each task concerns.
 */
public interface TaskSubjects {

  /** The process definition keys whose tasks this describes. */
  Set<String> processKeys();

  /** The task's subject, or empty when its record is not (or no longer) there. */
  Optional<TaskSubject> describe(DelegateTask task);
}
