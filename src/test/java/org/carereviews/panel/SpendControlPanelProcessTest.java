package org.carereviews.panel;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carereviews.support.ProcessTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of SpendControlPanel.bpmn: no meeting on a non-working day, closed by a member, closed
 * at the end of the day.
 */
@Deployment(resources = "processes/panel/SpendControlPanel.bpmn")
class SpendControlPanelProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessTests.fullCoverage();

  private final JavaDelegate openPanelMeeting = mock(JavaDelegate.class);
  private final JavaDelegate closePanelMeeting = mock(JavaDelegate.class);

  @BeforeEach
  void registerDelegates() {
    init(ENGINE.getProcessEngine());
    Mocks.register("openPanelMeeting", openPanelMeeting);
    Mocks.register("closePanelMeeting", closePanelMeeting);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private static ProcessInstance meetingDay(boolean workingDay) {
    Mocks.register(
        "checkPanelWorkingDay",
        (JavaDelegate)
            execution -> {
              execution.setVariable(PanelProcesses.VAR_WORKING_DAY, workingDay);
              execution.setVariable(
                  PanelProcesses.VAR_MEETING_CLOSES,
                  Date.from(Instant.now().plus(8, ChronoUnit.HOURS)));
            });
    return runtimeService()
        .startProcessInstanceByKey(
            PanelProcesses.MEETING_PROCESS,
            "panel-2026-11-23",
            Map.of(PanelProcesses.VAR_MEETING_DATE, "2026-11-23"));
  }

  @Test
  void noMeetingIsOpenedOnAWeekendOrBankHoliday() throws Exception {
    ProcessInstance day = meetingDay(false);
    assertThat(day).isEnded().hasPassed("End_NoMeeting");
    verify(openPanelMeeting, never()).execute(any(DelegateExecution.class));
  }

  @Test
  void aMemberClosesTheMeetingAndUndecidedItemsRollOver() throws Exception {
    ProcessInstance day = meetingDay(true);
    assertThat(day).hasPassed("Task_OpenMeeting").isWaitingAt(PanelProcesses.TASK_HOLD_MEETING);
    assertThat(task(day))
        .hasCandidateGroup("panel-asc")
        .hasCandidateGroup("panel-finance")
        .hasCandidateGroup("panel-commissioning");
    complete(task(day), withVariables("closedBy", "panel.asc"));
    assertThat(day).isEnded().hasPassed("Task_CloseMeeting", "End_MeetingClosed");
    verify(closePanelMeeting).execute(any(DelegateExecution.class));
  }

  @Test
  void aMeetingLeftOpenClosesAtTheEndOfTheDay() throws Exception {
    ProcessInstance day = meetingDay(true);
    execute(job(day));
    assertThat(day).isEnded().hasPassed("Timer_EndOfDay", "Task_CloseMeeting");
    verify(closePanelMeeting).execute(any(DelegateExecution.class));
  }
}
