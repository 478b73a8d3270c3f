package org.carereviews.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PersonSnapshot;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.FundingFlag;
import org.carereviews.common.Money;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.identity.CareUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The panel pack of a request: who the person is (no clinical or conversation notes), the current
 * and proposed package side by side, the weekly and full-year change, the person's earlier panel
 * decisions and how long the request has waited.
 */
@Service
public class PanelPacks {

  public record PersonSummary(long personId, String reference, String displayName, int age, ClientGroup clientGroup,
      String teamCode, Set<String> cohorts, Set<FundingFlag> fundingFlags) {
  }

  public record EarlierDecision(long requestId, PackageRequestType type, Instant receivedAt, PanelOutcome outcome,
      Instant decidedAt, String rationale) {
  }

  public record Pack(long requestId, PackageRequestType type, UrgentReason urgentReason, PersonSummary person,
      Long currentPackageId, ProposedPackage current, Money currentNetWeekly, ProposedPackage proposed,
      Money proposedNetWeekly, Money weeklyChange, Money fullYearChange, Money annualCost, String reason,
      String proposedBy, String sourceReference, PanelRoute route, String routeRule, Instant receivedAt,
      LocalDate firstMeeting, long daysWaiting, LocalDate retrospectiveDue, List<PanelDecisionView> decisions,
      List<EarlierDecision> earlierDecisions) {
  }

  private final PanelRequestService requests;
  private final PanelDecisions decisions;
  private final CasebookService casebook;
  private final WorkingDays workingDays;
  private final Clock clock;

  PanelPacks(PanelRequestService requests, PanelDecisions decisions, CasebookService casebook, WorkingDays workingDays,
      Clock clock) {
    this.requests = requests;
    this.decisions = decisions;
    this.casebook = casebook;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /** The pack, for a user who may read the person's records (their team, panel members and other council-wide roles). */
  @Transactional(readOnly = true)
  public Pack packFor(CareUser user, long requestId) {
    PackageRequest request = requests.request(requestId);
    if (!user.canReadTeam(request.getTeamCode())) {
      throw new AccessDeniedException("package request " + requestId + " is for a person of another team");
    }
    return pack(request);
  }

  @Transactional(readOnly = true)
  public Pack pack(long requestId) {
    return pack(requests.request(requestId));
  }

  private Pack pack(PackageRequest request) {
    PersonSnapshot person = casebook.personSnapshot(request.getPersonId());
    LocalDate today = LocalDate.now(clock);
    PersonSummary summary = new PersonSummary(person.personId(), person.reference(), person.displayName(),
        Period.between(person.dateOfBirth(), today).getYears(), person.clientGroup(), person.teamCode(),
        person.cohortCodes(), person.fundingFlags());
    List<PackageRequest> earlier = requests.requestsOf(request.getPersonId()).stream()
        .filter(r -> !r.getId().equals(request.getId())).toList();
    Map<Long, PackageRequest> earlierById = earlier.stream().collect(Collectors.toMap(PackageRequest::getId, Function.identity()));
    List<EarlierDecision> earlierDecisions = decisions.findByRequestIdIn(earlierById.keySet()).stream()
        .filter(d -> d.getStage() == DecisionStage.DECISION)
        .map(d -> new EarlierDecision(d.getRequestId(), earlierById.get(d.getRequestId()).getRequestType(),
            earlierById.get(d.getRequestId()).getReceivedAt(), d.getOutcome(), d.getDecidedAt(), d.getRationale()))
        .sorted((a, b) -> b.decidedAt().compareTo(a.decidedAt()))
        .toList();
    List<PanelDecisionView> own = decisions.findByRequestIdIn(Set.of(request.getId())).stream()
        .map(PanelDecision::view).toList();
    LocalDate received = request.getReceivedAt().atZone(clock.getZone()).toLocalDate();
    return new Pack(request.getId(), request.getRequestType(), request.getUrgentReason(), summary,
        request.getCurrentPackageId(), request.current(), request.getCurrentNetWeekly(), request.proposed(),
        request.getProposedNetWeekly(), request.getWeeklyChange(), request.getFullYearChange(), request.getAnnualCost(),
        request.getReason(), request.getProposedBy(), request.getSourceReference(), request.getRoute(),
        request.getRouteRule(), request.getReceivedAt(), workingDays.firstMeetingFor(request.getReceivedAt()),
        ChronoUnit.DAYS.between(received, today), request.getRetrospectiveDue(), own, earlierDecisions);
  }

  /**
   * The pack as Markdown for the Tasklist form. It names the person by reference only: the text is
   * kept as a task variable, and names stay out of the process engine's tables.
   */
  @Transactional(readOnly = true)
  public String markdown(long requestId) {
    Pack pack = pack(requestId);
    PersonSummary person = pack.person();
    StringBuilder md = new StringBuilder();
    md.append("#### Request ").append(pack.requestId()).append(": ").append(label(pack.type()));
    if (pack.urgentReason() != null) {
      md.append(" (urgent: ").append(pack.urgentReason().name().toLowerCase().replace('_', ' ')).append(')');
    }
    md.append("\n\n**Person** ").append(person.reference()).append(", age ").append(person.age()).append(", ")
        .append(person.clientGroup().name().replace('_', ' ').toLowerCase()).append(", team ").append(person.teamCode());
    if (!person.fundingFlags().isEmpty()) {
      md.append(", funding: ").append(person.fundingFlags().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
    }
    md.append("\n\n| | Current | Proposed |\n| --- | --- | --- |\n");
    ProposedPackage current = pack.current();
    ProposedPackage proposed = pack.proposed();
    row(md, "Service", current == null ? "none" : current.serviceType().label(), proposed.serviceType().label());
    row(md, "Provider", current == null ? "" : current.provider(), proposed.provider());
    row(md, "Weekly gross", current == null ? "" : current.weeklyGrossCost().toString(), proposed.weeklyGrossCost().toString());
    row(md, "Contribution", current == null ? "" : current.assessedContribution().toString(),
        proposed.assessedContribution().toString());
    row(md, "NHS share %", current == null ? "" : current.nhsSharePercent().toPlainString(),
        proposed.nhsSharePercent().toPlainString());
    row(md, "Net weekly to council", pack.currentNetWeekly() == null ? "0.00" : pack.currentNetWeekly().toString(),
        pack.proposedNetWeekly().toString());
    md.append("\n**Change** GBP ").append(pack.weeklyChange()).append(" a week, GBP ").append(pack.fullYearChange())
        .append(" full year; annual cost GBP ").append(pack.annualCost()).append(". Effective ")
        .append(proposed.effectiveDate()).append(".\n\n**Why** ").append(pack.reason())
        .append("\n\n**Route** ").append(pack.routeRule()).append(". Received ")
        .append(pack.receivedAt().atZone(clock.getZone()).toLocalDate()).append(", first on the agenda ")
        .append(pack.firstMeeting()).append('.');
    if (pack.retrospectiveDue() != null) {
      md.append(" To panel by ").append(pack.retrospectiveDue()).append('.');
    }
    md.append("\n\n**Earlier panel decisions** ");
    if (pack.earlierDecisions().isEmpty()) {
      md.append("none");
    }
    // the latest few only, each rationale cut (saying so): the text is a task variable, and a person's
    // history of decisions grows without limit
    pack.earlierDecisions().stream().limit(MARKDOWN_EARLIER_DECISIONS).forEach(d -> md.append("\n- ")
        .append(d.decidedAt().atZone(clock.getZone()).toLocalDate())
        .append(' ').append(label(d.type())).append(": ").append(d.outcome().name().toLowerCase().replace('_', ' '))
        .append(d.rationale() == null ? "" : " (" + shortened(d.rationale()) + ")"));
    if (pack.earlierDecisions().size() > MARKDOWN_EARLIER_DECISIONS) {
      md.append("\n- and ").append(pack.earlierDecisions().size() - MARKDOWN_EARLIER_DECISIONS)
          .append(" earlier decision(s), in the request's full pack");
    }
    return md.toString();
  }

  /** How many earlier decisions the Tasklist form's pack lists, and how much of each rationale. */
  static final int MARKDOWN_EARLIER_DECISIONS = 2;
  static final int MARKDOWN_RATIONALE = 200;

  private static String shortened(String text) {
    return text.length() <= MARKDOWN_RATIONALE ? text : text.substring(0, MARKDOWN_RATIONALE) + "... (cut here at "
        + MARKDOWN_RATIONALE + " of " + text.length() + " characters)";
  }

  private static void row(StringBuilder md, String label, String current, String proposed) {
    md.append("| ").append(label).append(" | ").append(current).append(" | ").append(proposed).append(" |\n");
  }

  private static String label(PackageRequestType type) {
    return switch (type) {
      case NEW_PACKAGE -> "new package";
      case PACKAGE_CHANGE -> "change to a package";
      case CTR_DISCHARGE -> "discharge from hospital (CTR)";
    };
  }
}
