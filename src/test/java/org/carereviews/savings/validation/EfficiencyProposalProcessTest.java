package org.carereviews.savings.validation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carereviews.savings.validation.SavingsProcesses.Proposal;
import org.carereviews.support.ProcessTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of EfficiencyProposal.bpmn. */
@Deployment(resources = "processes/savings/EfficiencyProposal.bpmn")
class EfficiencyProposalProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessTests.fullCoverage();

  private final TaskListener prepareProposalSummary = mock(TaskListener.class);
  private final TaskListener recordAchievability = mock(TaskListener.class);
  private final JavaDelegate addProposalToProgramme = mock(JavaDelegate.class);

  @BeforeEach
  void registerDelegates() {
    init(ENGINE.getProcessEngine());
    Mocks.register("prepareProposalSummary", prepareProposalSummary);
    Mocks.register("recordAchievability", recordAchievability);
    Mocks.register("addProposalToProgramme", addProposalToProgramme);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private static ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            Proposal.KEY,
            Proposal.businessKey(4),
            Map.of(Proposal.VAR_PROPOSAL_ID, 4L, Proposal.VAR_PROPOSED_BY, "fin.validator"));
  }

  @Test
  void anAchievableProposalJoinsTheProgramme() throws Exception {
    ProcessInstance proposal = start();
    assertThat(proposal).isWaitingAt(Proposal.TASK_CHECK);
    assertThat(task(proposal)).hasCandidateGroup("head-of-finance");
    complete(task(proposal), withVariables(Proposal.VAR_ACHIEVABLE, true));
    assertThat(proposal).hasPassed(Proposal.TASK_ADD, Proposal.END_ADDED).isEnded();
    verify(addProposalToProgramme, times(1)).execute(any(DelegateExecution.class));
  }

  @Test
  void aProposalThatIsNotAchievableDoesNotJoinTheProgramme() throws Exception {
    ProcessInstance proposal = start();
    complete(task(proposal), withVariables(Proposal.VAR_ACHIEVABLE, false));
    assertThat(proposal)
        .hasPassed(Proposal.END_NOT_ACHIEVABLE)
        .isEnded()
        .hasNotPassed(Proposal.TASK_ADD);
    verify(addProposalToProgramme, never()).execute(any(DelegateExecution.class));
  }
}
