package org.carereviews.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carereviews.common.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Package requests and their decisions in bulk, for lists another capability has scoped to the user
 * (a work list, "decisions on your requests"): a fixed number of queries whatever the number of
 * rows.
 */
@Service
public class RequestLines {

  /** A request as a list row shows it. */
  public record RequestLine(
      long requestId,
      long personId,
      Long packageId,
      PackageRequestType type,
      UrgentReason urgentReason,
      Money currentNetWeekly,
      Money proposedNetWeekly,
      Money fullYearChange,
      PanelRoute route,
      String proposedBy,
      String sourceReference,
      String sourceProcessInstanceId,
      Instant receivedAt,
      LocalDate firstMeeting) {}

  /** A request with its latest decision. */
  public record DecidedRequest(RequestLine request, PanelDecisionView decision) {}

  private final PackageRequestRecords requests;
  private final PanelDecisions decisions;
  private final WorkingDays workingDays;

  RequestLines(PackageRequestRecords requests, PanelDecisions decisions, WorkingDays workingDays) {
    this.requests = requests;
    this.decisions = decisions;
    this.workingDays = workingDays;
  }

  /** The requests with these ids, by id. */
  @Transactional(readOnly = true)
  public Map<Long, RequestLine> byId(Collection<Long> requestIds) {
    return requestIds.isEmpty()
        ? Map.of()
        : requests.findAllById(requestIds).stream()
            .map(this::line)
            .collect(Collectors.toMap(RequestLine::requestId, Function.identity()));
  }

  /**
   * These people's requests, newest first (a review row's proposed cost is its latest request's).
   */
  @Transactional(readOnly = true)
  public List<RequestLine> ofPeople(Collection<Long> personIds) {
    return personIds.isEmpty()
        ? List.of()
        : requests.findByPersonIdIn(personIds).stream()
            .sorted(Comparator.comparing(PackageRequest::getReceivedAt).reversed())
            .map(this::line)
            .toList();
  }

  /** The latest request an asking process sent, if any. */
  @Transactional(readOnly = true)
  public Optional<RequestLine> latestOfProcess(String sourceProcessInstanceId) {
    return requests
        .findBySourceProcessInstanceIdOrderByReceivedAtDesc(sourceProcessInstanceId)
        .stream()
        .findFirst()
        .map(this::line);
  }

  /**
   * The latest decided requests this user proposed (at most 20), newest request first, each with
   * its latest decision.
   */
  @Transactional(readOnly = true)
  public List<DecidedRequest> decidedRequestsOf(String proposedBy) {
    List<PackageRequest> found = requests.findTop20ByProposedByOrderByReceivedAtDesc(proposedBy);
    if (found.isEmpty()) {
      return List.of();
    }
    Map<Long, PanelDecision> latest =
        decisions.findByRequestIdIn(found.stream().map(PackageRequest::getId).toList()).stream()
            .collect(
                Collectors.toMap(
                    PanelDecision::getRequestId,
                    Function.identity(),
                    (a, b) -> a.getDecidedAt().isAfter(b.getDecidedAt()) ? a : b));
    return found.stream()
        .filter(r -> latest.containsKey(r.getId()))
        .map(r -> new DecidedRequest(line(r), latest.get(r.getId()).view()))
        .toList();
  }

  private RequestLine line(PackageRequest request) {
    return new RequestLine(
        request.getId(),
        request.getPersonId(),
        request.getCurrentPackageId(),
        request.getRequestType(),
        request.getUrgentReason(),
        request.getCurrentNetWeekly(),
        request.getProposedNetWeekly(),
        request.getFullYearChange(),
        request.getRoute(),
        request.getProposedBy(),
        request.getSourceReference(),
        request.getSourceProcessInstanceId(),
        request.getReceivedAt(),
        workingDays.firstMeetingFor(request.getReceivedAt()));
  }
}
