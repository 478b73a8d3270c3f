package org.carereviews.panel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of the panel's processes, referenced by bean name from the BPMN
 * ({@code camunda:delegateExpression="${...}"}); each calls one service method.
 */
@Configuration
class PanelDelegates {

  /** Meeting day: is it a working day, and when does the meeting close at the latest. */
  @Bean
  JavaDelegate checkPanelWorkingDay(WorkingDays workingDays, PanelProperties properties, Clock clock) {
    return execution -> {
      LocalDate date = meetingDate(execution);
      execution.setVariable(PanelProcesses.VAR_WORKING_DAY, Variables.booleanValue(workingDays.isWorkingDay(date)));
      LocalDateTime closes = LocalDateTime.of(date, properties.meetingCloses());
      execution.setVariable(PanelProcesses.VAR_MEETING_CLOSES,
          Variables.dateValue(Date.from(closes.atZone(clock.getZone()).toInstant())));
    };
  }

  @Bean
  JavaDelegate openPanelMeeting(PanelMeetingService meetings) {
    return execution -> meetings.open(meetingDate(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate closePanelMeeting(PanelMeetingService meetings) {
    return execution -> {
      Object closedBy = execution.getVariable("closedBy");
      meetings.close(meetingDate(execution), closedBy == null ? "end of the meeting day" : closedBy.toString());
    };
  }

  /** Sends the decision to the asking process, once. */
  @Bean
  JavaDelegate sendPanelDecision(PanelRequestService requests) {
    return execution -> requests.deliverDecision(requestId(execution));
  }

  /** Puts the panel pack on a decision task as it is created, for the Tasklist form. */
  @Bean
  org.camunda.bpm.engine.delegate.TaskListener preparePanelPack(PanelPacks packs) {
    return task -> task.setVariableLocal("panelPack",
        Variables.stringValue(packs.markdown(((Number) task.getVariable(PanelMessages.VAR_REQUEST_ID)).longValue())));
  }

  static LocalDate meetingDate(DelegateExecution execution) {
    return LocalDate.parse((String) execution.getVariable(PanelProcesses.VAR_MEETING_DATE));
  }

  static long requestId(DelegateExecution execution) {
    return ((Number) execution.getVariable(PanelMessages.VAR_REQUEST_ID)).longValue();
  }
}
