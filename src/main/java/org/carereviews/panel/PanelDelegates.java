package org.carereviews.panel;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of the panel's processes, referenced by bean name from the BPMN ({@code
 * camunda:delegateExpression="${...}"}): each reads its typed variables, calls one service method
 * and writes what it returns.
 */
@Configuration
class PanelDelegates {

  /** Meeting day: is it a working day, and when does the meeting close at the latest. */
  @Bean
  JavaDelegate checkPanelWorkingDay(WorkingDays workingDays) {
    return execution -> {
      WorkingDays.MeetingDay day = workingDays.meetingDay(meetingDate(execution));
      PanelProcesses.WORKING_DAY.write(execution, day.workingDay());
      PanelProcesses.MEETING_CLOSES.write(execution, Date.from(day.closes()));
    };
  }

  @Bean
  JavaDelegate openPanelMeeting(PanelMeetingService meetings) {
    return execution -> meetings.open(meetingDate(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate closePanelMeeting(PanelMeetingService meetings) {
    return execution ->
        meetings.close(meetingDate(execution), PanelProcesses.CLOSED_BY.read(execution));
  }

  /** Sends the decision to the asking process, once. */
  @Bean
  JavaDelegate sendPanelDecision(PanelRequestService requests) {
    return execution -> requests.deliverDecision(PanelMessages.REQUEST_ID.require(execution));
  }

  /** Puts the panel pack on a decision task as it is created, for the Tasklist form. */
  @Bean
  TaskListener preparePanelPack(PanelPacks packs) {
    return task ->
        task.setVariableLocal(
            PanelProcesses.PANEL_PACK.name(),
            packs.markdown(PanelMessages.REQUEST_ID.require(task)));
  }

  private static LocalDate meetingDate(DelegateExecution execution) {
    return LocalDate.parse(PanelProcesses.MEETING_DATE.require(execution));
  }
}
