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
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.support.ProcessTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of ChangeAndEfficiencyBoard.bpmn, with the board's service stood in for. */
@Deployment(resources = "processes/savings/ChangeAndEfficiencyBoard.bpmn")
class ChangeAndEfficiencyBoardProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessTests.fullCoverage();

  private final TaskListener prepareBoardList = mock(TaskListener.class);
  private final TaskListener recordBoardDecision = mock(TaskListener.class);
  private int itemsGathered;

  @BeforeEach
  void registerDelegates() {
    init(ENGINE.getProcessEngine());
    JavaDelegate gatherBoardList =
        execution -> {
          execution.setVariable(Board.VAR_MEETING_ID, 3L);
          execution.setVariable(Board.VAR_ITEM_COUNT, itemsGathered);
        };
    doAnswer(
            call -> {
              DelegateTask task = call.getArgument(0);
              String holdBacks = (String) task.getVariable(Board.FIELD_HOLD_BACKS);
              HoldBacks.parse(holdBacks)
                  .forEach(
                      (id, reason) -> {
                        if (reason.isBlank()) {
                          throw new InvalidRequestException(
                              "holdBack", "saving " + id + " needs a reason to be held back");
                        }
                      });
              return null;
            })
        .when(recordBoardDecision)
        .notify(any());
    Mocks.register("gatherBoardList", gatherBoardList);
    Mocks.register("prepareBoardList", prepareBoardList);
    Mocks.register("recordBoardDecision", recordBoardDecision);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private static ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            Board.KEY,
            Board.businessKey("2030-05"),
            Map.of(Board.VAR_MONTH, "2030-05", Board.VAR_GATHERED_BY, "monthly schedule"));
  }

  @Test
  void theBoardRatifiesTheWholeList() {
    itemsGathered = 2;
    ProcessInstance board = start();
    assertThat(board).isWaitingAt(Board.TASK_RATIFY);
    assertThat(task(board)).hasCandidateGroup("board-member");
    complete(task(board), withVariables(Board.FIELD_HOLD_BACKS, ""));
    assertThat(board).hasPassed(Board.TASK_GATHER, Board.END_DECIDED).isEnded();
  }

  @Test
  void aHoldBackWithoutAReasonIsRefusedAndOneWithAReasonIsAccepted() {
    itemsGathered = 2;
    ProcessInstance board = start();
    assertThatThrownBy(() -> complete(task(board), withVariables(Board.FIELD_HOLD_BACKS, "12:")))
        .hasRootCauseInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("reason");
    assertThat(board).isWaitingAt(Board.TASK_RATIFY);
    complete(
        task(board),
        withVariables(Board.FIELD_HOLD_BACKS, "12: provider invoice not yet received"));
    assertThat(board).hasPassed(Board.END_DECIDED).isEnded();
  }

  @Test
  void aMonthWithNothingValidatedEndsWithoutATask() throws Exception {
    itemsGathered = 0;
    ProcessInstance board = start();
    assertThat(board).hasPassed(Board.END_NOTHING).isEnded().hasNotPassed(Board.TASK_RATIFY);
    verify(recordBoardDecision, never()).notify(any());
    verify(prepareBoardList, never()).notify(any());
  }

  @Test
  void holdBacksAreReadOneALine() {
    org.assertj.core.api.Assertions.assertThat(
            HoldBacks.parse("12: late invoice\n\n 15 : provider disputes\n"))
        .containsExactly(Map.entry(12L, "late invoice"), Map.entry(15L, "provider disputes"));
    assertThatThrownBy(() -> HoldBacks.parse("twelve: late"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> HoldBacks.parse("12: a\n12: b"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("twice");
    org.assertj.core.api.Assertions.assertThat(
            HoldBacks.parse(HoldBacks.text(Map.of(9L, "two\nlines"))))
        .containsExactly(Map.entry(9L, "two lines"));
  }
}
