package org.carereviews.savings.validation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.carereviews.support.ProcessTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of SavingsValidation.bpmn. The listeners stand in for {@link SavingsValidation}: they
 * set the outcome the service would, from a test variable, or refuse as the service does (four
 * eyes), which keeps the task open.
 */
@Deployment(resources = "processes/savings/SavingsValidation.bpmn")
class SavingsValidationProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessTests.fullCoverage();

  /**
   * Test variable: the outcome the listener reports; "REFUSE" makes it refuse like the four-eyes
   * rule.
   */
  private static final String SAYS = "testOutcome";

  private final TaskListener prepareSavingEvidence = mock(TaskListener.class);
  private final TaskListener recordValidation = mock(TaskListener.class);
  private final TaskListener recordResubmission = mock(TaskListener.class);

  @BeforeEach
  void registerDelegates() {
    init(ENGINE.getProcessEngine());
    for (TaskListener listener : new TaskListener[] {recordValidation, recordResubmission}) {
      doAnswer(
              call -> {
                DelegateTask task = call.getArgument(0);
                String says = (String) task.getVariable(SAYS);
                if ("REFUSE".equals(says)) {
                  throw new InvalidRequestException(
                      "validator",
                      "the person who records a saving never validates it (four eyes)");
                }
                task.getExecution().setVariable(Validation.VAR_OUTCOME, says);
                return null;
              })
          .when(listener)
          .notify(any());
    }
    Mocks.register("prepareSavingEvidence", prepareSavingEvidence);
    Mocks.register("recordValidation", recordValidation);
    Mocks.register("recordResubmission", recordResubmission);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private static ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            Validation.KEY,
            Validation.businessKey(7),
            Map.of(Validation.VAR_COST_CHANGE_ID, 7L, Validation.VAR_RECORDED_BY, "sw.north"));
  }

  private static Map<String, Object> says(String outcome) {
    return withVariables(SAYS, outcome);
  }

  @Test
  void aSavingBelowTheThresholdIsValidatedOnceByFinance() {
    ProcessInstance saving = start();
    assertThat(saving).isWaitingAt(Validation.TASK_VALIDATE);
    assertThat(task(saving)).hasCandidateGroup("finance-validator");
    complete(task(saving), says(Validation.OUTCOME_VALIDATED));
    assertThat(saving)
        .hasPassed(Validation.END_VALIDATED)
        .isEnded()
        .hasNotPassed(Validation.TASK_SECOND_VALIDATION);
  }

  @Test
  void theRecorderCannotValidateTheirOwnSavingAndTheTaskStaysOpen() {
    ProcessInstance saving = start();
    assertThatThrownBy(() -> complete(task(saving), says("REFUSE")))
        .hasRootCauseInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("four eyes");
    assertThat(saving).isWaitingAt(Validation.TASK_VALIDATE);
  }

  @Test
  void aSavingAboveTheThresholdNeedsTheHeadOfFinanceToo() {
    ProcessInstance saving = start();
    complete(task(saving), says(Validation.OUTCOME_SECOND_VALIDATION));
    assertThat(saving).isWaitingAt(Validation.TASK_SECOND_VALIDATION);
    assertThat(task(saving)).hasCandidateGroup("head-of-finance");
    // the first validator cannot make the second validation: refused, still waiting
    assertThatThrownBy(() -> complete(task(saving), says("REFUSE")))
        .hasRootCauseInstanceOf(InvalidRequestException.class);
    assertThat(saving).isWaitingAt(Validation.TASK_SECOND_VALIDATION);
    complete(task(saving), says(Validation.OUTCOME_VALIDATED));
    assertThat(saving)
        .hasPassed(Validation.GATEWAY_SECOND_VALIDATION, Validation.END_VALIDATED)
        .isEnded();
  }

  @Test
  void aRejectedSavingGoesBackToItsRecorderWhoCorrectsAndResubmitsIt() {
    ProcessInstance saving = start();
    complete(task(saving), says(Validation.OUTCOME_REJECTED));
    assertThat(saving).isWaitingAt(Validation.TASK_CORRECT_OR_WITHDRAW);
    assertThat(task(saving)).isAssignedTo("sw.north");
    complete(task(saving), says(Validation.OUTCOME_RESUBMITTED));
    assertThat(saving).isWaitingAt(Validation.TASK_VALIDATE);
    complete(task(saving), says(Validation.OUTCOME_VALIDATED));
    assertThat(saving).hasPassed(Validation.GATEWAY_RESUBMITTED).isEnded();
  }

  @Test
  void theHeadOfFinanceRejectsAndTheRecorderWithdraws() {
    ProcessInstance saving = start();
    complete(task(saving), says(Validation.OUTCOME_SECOND_VALIDATION));
    complete(task(saving), says(Validation.OUTCOME_REJECTED));
    assertThat(saving).isWaitingAt(Validation.TASK_CORRECT_OR_WITHDRAW);
    complete(task(saving), says(Validation.OUTCOME_WITHDRAWN));
    assertThat(saving)
        .hasPassed(Validation.END_WITHDRAWN)
        .isEnded()
        .hasNotPassed(Validation.END_VALIDATED);
  }
}
