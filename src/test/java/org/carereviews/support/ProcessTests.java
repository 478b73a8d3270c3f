package org.carereviews.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The fast BPMN/DMN tests' engine: in memory, with process coverage reported under
 * target/process-test-coverage.
 */
public final class ProcessTests {

  public static final String CONFIGURATION = "process-test.camunda.cfg.xml";

  private ProcessTests() {}

  /** The groups a task is offered to (its candidate groups), sorted. */
  public static java.util.List<String> candidateGroups(org.camunda.bpm.engine.task.Task task) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService()
        .getIdentityLinksForTask(task.getId())
        .stream()
        .filter(
            link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> link.getGroupId() != null ? link.getGroupId() : "user:" + link.getUserId())
        .sorted()
        .toList();
  }

  /** The engine extension for decision tests (no process models, so no coverage to assert). */
  public static ProcessEngineCoverageExtension engine() {
    return (ProcessEngineCoverageExtension)
        ProcessEngineCoverageExtension.Companion.builder(CONFIGURATION).build();
  }

  /**
   * An engine extension that fails the class unless its tests cover every element and flow of the
   * deployed models.
   */
  public static ProcessEngineCoverageExtension fullCoverage() {
    return (ProcessEngineCoverageExtension)
        ProcessEngineCoverageExtension.Companion.builder(CONFIGURATION)
            .assertClassCoverageAtLeast(1.0)
            .build();
  }
}
