package org.carereviews.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.support.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The Tasklist pack: the current package's own dates, the review's findings, and a bounded length.
 */
class PanelPacksTest {

  private static final LocalDate CURRENT_START = LocalDate.of(2029, 1, 7);
  private static final LocalDate EFFECTIVE = LocalDate.of(2030, 7, 1);

  @Test
  void theCurrentColumnShowsTheCurrentPackagesOwnDatesAndTheProposedItsEffectiveDate() {
    String md =
        PanelPacks.markdown(pack("More support after a fall", null, List.of()), TestClock.LONDON);

    assertThat(md).contains("| Dates | since 2029-01-07 | from 2030-07-01 |");
    assertThat(md).doesNotContain("| Dates | from 2030-07-01");
  }

  @Test
  void theReviewsAlternativeAndThePersonsViewsReachTheDecider() {
    PackageRequestCommand.ReviewFindings findings =
        new PackageRequestCommand.ReviewFindings(
            "To stay at home and see her garden", "Walks again after rehabilitation",
            "A neighbour helps at lunchtime; two calls a day instead of three",
                "Happy with two calls if they are on time");

    String md =
        PanelPacks.markdown(
            pack("Review REV-000061: REDUCE", findings, List.of()), TestClock.LONDON);

    assertThat(md)
        .contains(
            "**Outcomes the person wants** To stay at home and see her garden",
            "**Change in need** Walks again after rehabilitation",
            "**Alternative that meets the outcomes** A neighbour helps at lunchtime; two calls a day instead of three",
            "**The person's views** Happy with two calls if they are on time");
  }

  @Test
  void aLongReasonSaysHowMuchMoreTheFullPackHas() {
    String reason = "x".repeat(PanelPacks.REASON_EXCERPT) + "~".repeat(1_200);

    String md = PanelPacks.markdown(pack(reason, null, List.of()), TestClock.LONDON);

    assertThat(md)
        .contains(
            "x".repeat(PanelPacks.REASON_EXCERPT)
                + "... (continued: 1200 more characters in the full pack)")
        .doesNotContain("~")
        .contains("the full pack of request 12 holds every text whole")
        .doesNotContain("/api/");
  }

  @Test
  void theTasklistPackStaysWithinATaskVariableWhateverTheData() {
    String longest = "w".repeat(PackageRequestCommand.ReviewFindings.MAX_LENGTH);
    PackageRequestCommand.ReviewFindings findings =
        new PackageRequestCommand.ReviewFindings(longest, longest, longest, longest);
    List<PanelPacks.EarlierDecision> earlier =
        IntStream.range(0, 40)
            .mapToObj(
                i ->
                    new PanelPacks.EarlierDecision(
                        i,
                        PackageRequestType.PACKAGE_CHANGE,
                        Instant.parse("2029-01-01T10:00:00Z"),
                        PanelOutcome.DECLINED,
                        Instant.parse("2029-01-02T10:00:00Z").plusSeconds(i),
                        "r".repeat(2_000)))
            .toList();

    String md =
        PanelPacks.markdown(
            pack("z".repeat(2_000), findings, earlier, "P".repeat(200)), TestClock.LONDON);

    assertThat(md.length()).isLessThanOrEqualTo(PanelPacks.MARKDOWN_LIMIT).isLessThan(4_000);
    assertThat(md)
        .contains(
            "more characters in the full pack",
            "and 37 earlier decisions in the full pack",
            "**The person's views** w");
  }

  private static PanelPacks.Pack pack(
      String reason,
      PackageRequestCommand.ReviewFindings findings,
      List<PanelPacks.EarlierDecision> earlier) {
    return pack(reason, findings, earlier, "Acme Care");
  }

  private static PanelPacks.Pack pack(
      String reason,
      PackageRequestCommand.ReviewFindings findings,
      List<PanelPacks.EarlierDecision> earlier,
      String provider) {
    CurrentPackage current =
        new CurrentPackage(
            ServiceType.HOME_CARE,
            provider,
            Money.of("400.00"),
            Money.of("50.00"),
            BigDecimal.ZERO,
            Money.of("350.00"),
            CURRENT_START,
            null);
    ProposedPackage proposed =
        new ProposedPackage(
            ServiceType.HOME_CARE,
            provider,
            Money.of("300.00"),
            Money.of("50.00"),
            BigDecimal.ZERO,
            EFFECTIVE);
    PanelPacks.PersonSummary person =
        new PanelPacks.PersonSummary(
            7,
            "P-000301",
            "Ada Demo-Ashby",
            90,
            ClientGroup.OLDER_PEOPLE,
            "NORTH",
            Set.of(),
            Set.of());
    return new PanelPacks.Pack(
        12,
        PackageRequestType.PACKAGE_CHANGE,
        null,
        person,
        3L,
        current,
        Money.of("350.00"),
        proposed,
        Money.of("250.00"),
        Money.of("-100.00"),
        Money.of("-5217.86"),
        Money.of("13045.00"),
        reason,
        findings,
        "sw.north",
        "REV-000061",
        PanelRoute.TEAM_MANAGER,
        "a decrease: team manager".repeat(12),
        Instant.parse("2030-06-03T10:00:00Z"),
        LocalDate.of(2030, 6, 3),
        0,
        null,
        List.of(),
        earlier);
  }
}
