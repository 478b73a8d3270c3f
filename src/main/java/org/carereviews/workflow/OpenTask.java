package org.carereviews.workflow;

import java.time.Instant;

/**
 * An open user task, as the service sees it: never the engine's own type.
 *
 * @param id the engine's task id (a reference to it, nothing personal)
 * @param key the task's id in its BPMN model, e.g. {@code conductReview}
 * @param name the task's name as a person reads it (with its subject's references)
 * @param assignee the user it is assigned to, or null
 * @param due when it is due, or null
 * @param created when it was created
 * @param processInstanceId the process instance it belongs to
 * @param businessKey the case it concerns (the process's business key), or null
 */
public record OpenTask(
    String id,
    String key,
    String name,
    String assignee,
    Instant due,
    Instant created,
    String processInstanceId,
    String businessKey) {}
