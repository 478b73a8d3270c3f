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

  public record PersonSummary(
      long personId,
      String reference,
      String displayName,
      int age,
      ClientGroup clientGroup,
      String teamCode,
      Set<String> cohorts,
      Set<FundingFlag> fundingFlags) {}

  public record EarlierDecision(
      long requestId,
      PackageRequestType type,
      Instant receivedAt,
      PanelOutcome outcome,
      Instant decidedAt,
      String rationale) {}

  /**
   * The pack. {@code current} is the package as it stood, with its own dates; {@code reason} and
   * {@code findings} (what the asking review found: the outcomes wanted, the change in need, the
   * alternative that meets the outcomes, the person's views; null for other requests) are whole.
   */
  public record Pack(
      long requestId,
      PackageRequestType type,
      UrgentReason urgentReason,
      PersonSummary person,
      Long currentPackageId,
      CurrentPackage current,
      Money currentNetWeekly,
      ProposedPackage proposed,
      Money proposedNetWeekly,
      Money weeklyChange,
      Money fullYearChange,
      Money annualCost,
      String reason,
      PackageRequestCommand.ReviewFindings findings,
      String proposedBy,
      String sourceReference,
      PanelRoute route,
      String routeRule,
      Instant receivedAt,
      LocalDate firstMeeting,
      long daysWaiting,
      LocalDate retrospectiveDue,
      List<PanelDecisionView> decisions,
      List<EarlierDecision> earlierDecisions) {}

  /**
   * The Tasklist pack is a task variable, whose column holds 4,000 characters: it stays within this
   * whatever the data, so free text is shown up to a limit each and says how much more the full
   * pack has.
   */
  static final int MARKDOWN_LIMIT = 3_800;

  static final int REASON_EXCERPT = 800;
  static final int FINDING_EXCERPT = 400;
  static final int RATIONALE_EXCERPT = 150;
  static final int EARLIER_DECISIONS_SHOWN = 3;

  private final PanelRequestService requests;
  private final PanelDecisions decisions;
  private final CasebookService casebook;
  private final WorkingDays workingDays;
  private final Clock clock;

  PanelPacks(
      PanelRequestService requests,
      PanelDecisions decisions,
      CasebookService casebook,
      WorkingDays workingDays,
      Clock clock) {
    this.requests = requests;
    this.decisions = decisions;
    this.casebook = casebook;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  /**
   * The pack, for a user who may read the person's records (their team, panel members and other
   * council-wide roles).
   */
  @Transactional(readOnly = true)
  public Pack packFor(CareUser user, long requestId) {
    PackageRequest request = requests.request(requestId);
    if (!user.canReadTeam(request.getTeamCode())) {
      throw new AccessDeniedException(
          "package request " + requestId + " is for a person of another team");
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
    PersonSummary summary =
        new PersonSummary(
            person.personId(),
            person.reference(),
            person.displayName(),
            Period.between(person.dateOfBirth(), today).getYears(),
            person.clientGroup(),
            person.teamCode(),
            person.cohortCodes(),
            person.fundingFlags());
    List<PackageRequest> earlier =
        requests.requestsOf(request.getPersonId()).stream()
            .filter(r -> !r.getId().equals(request.getId()))
            .toList();
    Map<Long, PackageRequest> earlierById =
        earlier.stream().collect(Collectors.toMap(PackageRequest::getId, Function.identity()));
    List<EarlierDecision> earlierDecisions =
        decisions.findByRequestIdIn(earlierById.keySet()).stream()
            .filter(d -> d.getStage() == DecisionStage.DECISION)
            .map(
                d ->
                    new EarlierDecision(
                        d.getRequestId(),
                        earlierById.get(d.getRequestId()).getRequestType(),
                        earlierById.get(d.getRequestId()).getReceivedAt(),
                        d.getOutcome(),
                        d.getDecidedAt(),
                        d.getRationale()))
            .sorted((a, b) -> b.decidedAt().compareTo(a.decidedAt()))
            .toList();
    List<PanelDecisionView> own =
        decisions.findByRequestIdIn(Set.of(request.getId())).stream()
            .map(PanelDecision::view)
            .toList();
    LocalDate received = request.getReceivedAt().atZone(clock.getZone()).toLocalDate();
    return new Pack(
        request.getId(),
        request.getRequestType(),
        request.getUrgentReason(),
        summary,
        request.getCurrentPackageId(),
        request.current(),
        request.getCurrentNetWeekly(),
        request.proposed(),
        request.getProposedNetWeekly(),
        request.getWeeklyChange(),
        request.getFullYearChange(),
        request.getAnnualCost(),
        request.getReason(),
        request.findings(),
        request.getProposedBy(),
        request.getSourceReference(),
        request.getRoute(),
        request.getRouteRule(),
        request.getReceivedAt(),
        workingDays.firstMeetingFor(request.getReceivedAt()),
        ChronoUnit.DAYS.between(received, today),
        request.getRetrospectiveDue(),
        own,
        earlierDecisions);
  }

  /**
   * The pack as Markdown for the Tasklist form. It names the person by reference only: the text is
   * kept as a task variable, and names stay out of the process engine's tables. Its length is
   * bounded ({@link #MARKDOWN_LIMIT}): the reason, the review's findings and earlier decisions are
   * shown up to a limit each, with how much more the full pack ({@code GET
   * /api/panel/requests/{id}}) has.
   */
  @Transactional(readOnly = true)
  public String markdown(long requestId) {
    return markdown(pack(requestId), clock.getZone());
  }

  static String markdown(Pack pack, java.time.ZoneId zone) {
    // Long texts everywhere at once: shorter excerpts until the whole fits.
    for (int share : new int[] {100, 50, 25, 10, 0}) {
      String md = markdown(pack, zone, share);
      if (md.length() <= MARKDOWN_LIMIT) {
        return md;
      }
    }
    throw new IllegalStateException(
        "the pack of request " + pack.requestId() + " does not fit a task variable");
  }

  /** The pack with free text cut at {@code share} % of the usual excerpt lengths. */
  private static String markdown(Pack pack, java.time.ZoneId zone, int share) {
    int reasonExcerpt = REASON_EXCERPT * share / 100;
    int findingExcerpt = FINDING_EXCERPT * share / 100;
    int rationaleExcerpt = RATIONALE_EXCERPT * share / 100;
    PersonSummary person = pack.person();
    StringBuilder md = new StringBuilder();
    md.append("#### Request ").append(pack.requestId()).append(": ").append(label(pack.type()));
    if (pack.urgentReason() != null) {
      md.append(" (urgent: ")
          .append(pack.urgentReason().name().toLowerCase().replace('_', ' '))
          .append(')');
    }
    md.append("\n\n**Person** ")
        .append(person.reference())
        .append(", age ")
        .append(person.age())
        .append(", ")
        .append(person.clientGroup().name().replace('_', ' ').toLowerCase())
        .append(", team ")
        .append(person.teamCode());
    if (!person.fundingFlags().isEmpty()) {
      md.append(", funding: ")
          .append(
              person.fundingFlags().stream()
                  .map(Enum::name)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    md.append("\n\n| | Current | Proposed |\n| --- | --- | --- |\n");
    CurrentPackage current = pack.current();
    ProposedPackage proposed = pack.proposed();
    row(
        md,
        "Service",
        current == null ? "none" : current.serviceType().label(),
        proposed.serviceType().label());
    row(md, "Provider", current == null ? "" : cell(current.provider()), cell(proposed.provider()));
    row(
        md,
        "Weekly gross",
        current == null ? "" : current.weeklyGrossCost().toString(),
        proposed.weeklyGrossCost().toString());
    row(
        md,
        "Contribution",
        current == null ? "" : current.assessedContribution().toString(),
        proposed.assessedContribution().toString());
    row(
        md,
        "NHS share %",
        current == null ? "" : current.nhsSharePercent().toPlainString(),
        proposed.nhsSharePercent().toPlainString());
    row(
        md,
        "Net weekly to council",
        pack.currentNetWeekly() == null ? "0.00" : pack.currentNetWeekly().toString(),
        pack.proposedNetWeekly().toString());
    row(
        md,
        "Dates",
        current == null ? "" : currentDates(current),
        "from " + proposed.effectiveDate());
    md.append("\n**Change** GBP ")
        .append(pack.weeklyChange())
        .append(" a week, GBP ")
        .append(pack.fullYearChange())
        .append(" full year; annual cost GBP ")
        .append(pack.annualCost())
        .append(". Effective ")
        .append(proposed.effectiveDate())
        .append(".\n\n**Why** ")
        .append(excerpt(pack.reason(), reasonExcerpt));
    PackageRequestCommand.ReviewFindings findings = pack.findings();
    if (findings != null) {
      finding(md, "Outcomes the person wants", findings.outcomesWanted(), findingExcerpt);
      finding(md, "Change in need", findings.changeInNeed(), findingExcerpt);
      finding(
          md,
          "Alternative that meets the outcomes",
          findings.alternativeMeetingOutcome(),
          findingExcerpt);
      finding(md, "The person's views", findings.personViews(), findingExcerpt);
    }
    md.append("\n\n**Route** ")
        .append(pack.routeRule())
        .append(". Received ")
        .append(pack.receivedAt().atZone(zone).toLocalDate())
        .append(", first on the agenda ")
        .append(pack.firstMeeting())
        .append('.');
    if (pack.retrospectiveDue() != null) {
      md.append(" To panel by ").append(pack.retrospectiveDue()).append('.');
    }
    md.append("\n\n**Earlier panel decisions** ");
    if (pack.earlierDecisions().isEmpty()) {
      md.append("none");
    }
    pack.earlierDecisions().stream()
        .limit(EARLIER_DECISIONS_SHOWN)
        .forEach(
            d ->
                md.append("\n- ")
                    .append(d.decidedAt().atZone(zone).toLocalDate())
                    .append(' ')
                    .append(label(d.type()))
                    .append(": ")
                    .append(d.outcome().name().toLowerCase().replace('_', ' '))
                    .append(
                        d.rationale() == null
                            ? ""
                            : " (" + excerpt(d.rationale(), rationaleExcerpt) + ")"));
    int more = pack.earlierDecisions().size() - EARLIER_DECISIONS_SHOWN;
    if (more > 0) {
      md.append("\n- and ")
          .append(more)
          .append(" earlier ")
          .append(more == 1 ? "decision" : "decisions")
          .append(" in the full pack");
    }
    md.append("\n\nTexts are shortened here; the full pack of request ")
        .append(pack.requestId())
        .append(" holds every text whole.");
    return md.toString();
  }

  private static String currentDates(CurrentPackage current) {
    if (current.startDate() == null) {
      return "";
    }
    return "since "
        + current.startDate()
        + (current.endDate() == null ? "" : " to " + current.endDate());
  }

  private static void finding(StringBuilder md, String label, String text, int limit) {
    if (text != null) {
      md.append("\n\n**").append(label).append("** ").append(excerpt(text, limit));
    }
  }

  /** The text up to {@code limit} characters, saying how many more the full pack has. */
  static String excerpt(String text, int limit) {
    String oneParagraph = text.strip().replaceAll("\\s*\\R\\s*", " ");
    if (oneParagraph.length() <= limit) {
      return oneParagraph;
    }
    int cut =
        limit > 0 && Character.isHighSurrogate(oneParagraph.charAt(limit - 1)) ? limit - 1 : limit;
    return oneParagraph.substring(0, cut)
        + "... (continued: "
        + (oneParagraph.length() - cut)
        + " more characters in the full pack)";
  }

  /** A table cell: no pipe or line break may end the cell early. */
  private static String cell(String text) {
    return text.replace('|', '/').replaceAll("\\R", " ");
  }

  private static void row(StringBuilder md, String label, String current, String proposed) {
    md.append("| ")
        .append(label)
        .append(" | ")
        .append(current)
        .append(" | ")
        .append(proposed)
        .append(" |\n");
  }

  private static String label(PackageRequestType type) {
    return switch (type) {
      case NEW_PACKAGE -> "new package";
      case PACKAGE_CHANGE -> "change to a package";
      case CTR_DISCHARGE -> "discharge from hospital (CTR)";
    };
  }
}
