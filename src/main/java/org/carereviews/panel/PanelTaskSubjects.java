package org.carereviews.panel;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.carereviews.casebook.CasebookService;
import org.carereviews.workflow.TaskSubject;
import org.carereviews.workflow.TaskSubjects;
import org.springframework.stereotype.Component;

/**
 * A package request's tasks: {@code REQ-000012 P-000123 PKG-000393: Decide at panel, +GBP 120.00/wk
 * from 1 Jul 2030}; a meeting's: {@code Panel 3 Jun 2030: Hold the meeting}.
 */
@Component
class PanelTaskSubjects implements TaskSubjects {

  private final PackageRequestRecords requests;
  private final CasebookService casebook;

  PanelTaskSubjects(PackageRequestRecords requests, CasebookService casebook) {
    this.requests = requests;
    this.casebook = casebook;
  }

  /** {@code REQ-000012}: how a task and its reader name a package request. */
  static String reference(long requestId) {
    return String.format("REQ-%06d", requestId);
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(PanelProcesses.REQUEST_PROCESS, PanelProcesses.MEETING_PROCESS);
  }

  @Override
  public Optional<TaskSubject> describe(DelegateTask task) {
    String meetingDate = PanelProcesses.MEETING_DATE.read(task);
    if (meetingDate != null) {
      return Optional.of(
          new TaskSubject("Panel " + TaskSubject.date(LocalDate.parse(meetingDate)), null));
    }
    Long requestId = PanelMessages.REQUEST_ID.read(task);
    if (requestId == null) {
      return Optional.empty();
    }
    return requests
        .findById(requestId)
        .map(
            request -> {
              StringBuilder references = new StringBuilder(reference(request.getId()));
              references
                  .append(' ')
                  .append(casebook.personSnapshot(request.getPersonId()).reference());
              if (request.getCurrentPackageId() != null) {
                references
                    .append(' ')
                    .append(
                        casebook.packageSnapshot(request.getCurrentPackageId()).packageReference());
              }
              if (request.getSourceReference() != null
                  && !request.getSourceReference().isBlank()
                  && request.getSourceReference().matches("[A-Z]+-[0-9]+")) {
                references.append(' ').append(request.getSourceReference());
              }
              return new TaskSubject(
                  references.toString(),
                  TaskSubject.weeklyChange(request.getWeeklyChange())
                      + " from "
                      + TaskSubject.date(request.getEffectiveDate()));
            });
  }
}
