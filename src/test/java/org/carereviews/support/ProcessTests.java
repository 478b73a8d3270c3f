package org.carereviews.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** The fast BPMN/DMN tests' engine: in memory, with process coverage reported under target/process-test-coverage. */
public final class ProcessTests {

  public static final String CONFIGURATION = "process-test.camunda.cfg.xml";

  private ProcessTests() {
  }

  /** The engine extension for decision tests (no process models, so no coverage to assert). */
  public static ProcessEngineCoverageExtension engine() {
    return (ProcessEngineCoverageExtension) ProcessEngineCoverageExtension.Companion.builder(CONFIGURATION).build();
  }

  /** An engine extension that fails the class unless its tests cover every element and flow of the deployed models. */
  public static ProcessEngineCoverageExtension fullCoverage() {
    return (ProcessEngineCoverageExtension) ProcessEngineCoverageExtension.Companion.builder(CONFIGURATION)
        .assertClassCoverageAtLeast(1.0).build();
  }
}
