package org.carereviews.panel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.carereviews.common.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting's agenda: every request for panel received before the meeting's cut-off and not yet
 * decided, oldest first. An item not decided at one meeting is on the next one's agenda, with its
 * age and the number of meetings it has waited through.
 */
@Component
public class PanelAgenda {

  /**
   * One agenda item. {@code stage} is RETROSPECTIVE for an urgent start that panel looks at
   * afterwards.
   */
  public record Item(
      long requestId,
      PackageRequestType type,
      DecisionStage stage,
      long personId,
      String teamCode,
      Money weeklyChange,
      Money fullYearChange,
      java.time.Instant receivedAt,
      LocalDate firstMeeting,
      long daysWaiting,
      int meetingsWaited,
      LocalDate retrospectiveDue) {}

  private final PackageRequestRecords requests;
  private final PanelDecisions decisions;
  private final WorkingDays workingDays;

  PanelAgenda(PackageRequestRecords requests, PanelDecisions decisions, WorkingDays workingDays) {
    this.requests = requests;
    this.decisions = decisions;
    this.workingDays = workingDays;
  }

  @Transactional(readOnly = true)
  public List<Item> itemsFor(LocalDate meetingDate) {
    java.time.Instant cutOff = workingDays.agendaCutOff(meetingDate);
    List<Item> items = new ArrayList<>();
    requests
        .findUndecided(Set.of(PanelRoute.PANEL), DecisionStage.DECISION, cutOff)
        .forEach(r -> items.add(item(r, DecisionStage.DECISION, meetingDate)));
    // An urgent start comes to panel once a team manager has approved it.
    requests.findUndecided(Set.of(PanelRoute.URGENT), DecisionStage.RETROSPECTIVE, cutOff).stream()
        .filter(
            r ->
                decisions
                    .findByRequestIdAndStage(r.getId(), DecisionStage.DECISION)
                    .map(d -> d.getOutcome().approves())
                    .orElse(false))
        .forEach(r -> items.add(item(r, DecisionStage.RETROSPECTIVE, meetingDate)));
    items.sort(Comparator.comparing(Item::receivedAt));
    return items;
  }

  private Item item(PackageRequest r, DecisionStage stage, LocalDate meetingDate) {
    LocalDate first = workingDays.firstMeetingFor(r.getReceivedAt());
    LocalDate received = r.getReceivedAt().atZone(workingDays.zone()).toLocalDate();
    return new Item(
        r.getId(),
        r.getRequestType(),
        stage,
        r.getPersonId(),
        r.getTeamCode(),
        r.getWeeklyChange(),
        r.getFullYearChange(),
        r.getReceivedAt(),
        first,
        ChronoUnit.DAYS.between(received, meetingDate),
        workingDays.meetingsBetween(first, meetingDate),
        r.getRetrospectiveDue());
  }
}
