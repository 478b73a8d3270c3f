package org.carereviews.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.demo.DemoDataGenerator.PackageSeed;
import org.carereviews.demo.DemoDataGenerator.PersonSeed;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private final List<PersonSeed> people = new DemoDataGenerator(20210505, TODAY).people(2400);

  @Test
  void sameSeedGivesTheSameCouncil() {
    assertThat(new DemoDataGenerator(20210505, TODAY).people(2400)).isEqualTo(people);
    assertThat(new DemoDataGenerator(1, TODAY).people(2400)).isNotEqualTo(people);
  }

  @Test
  void coversEveryClientGroupServiceTypeAndBothTeams() {
    assertThat(people.stream().map(PersonSeed::clientGroup).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(ClientGroup.class));
    assertThat(packages().stream().map(PackageSeed::serviceType).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(ServiceType.class));
    assertThat(people.stream().map(PersonSeed::teamCode).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("NORTH", "SOUTH");
  }

  @Test
  void weeklyCostsArePlausibleForTheServiceType() {
    for (PackageSeed p : packages()) {
      BigDecimal gross = p.weeklyGrossCost().amount();
      switch (p.serviceType()) {
        case HOME_CARE -> assertThat(gross).isBetween(new BigDecimal("150"), new BigDecimal("600"));
        case RESIDENTIAL ->
            assertThat(gross).isBetween(new BigDecimal("700"), new BigDecimal("1200"));
        case NURSING -> assertThat(gross).isGreaterThan(new BigDecimal("900"));
        case SUPPORTED_LIVING ->
            assertThat(gross).isBetween(new BigDecimal("900"), new BigDecimal("2800"));
        default -> assertThat(gross).isPositive();
      }
      assertThat(p.assessedContribution().isGreaterThan(p.weeklyGrossCost())).isFalse();
    }
    assertThat(packages())
        .anyMatch(
            p ->
                p.serviceType() == ServiceType.SUPPORTED_LIVING
                    && p.weeklyGrossCost().isGreaterThan(Money.ofPounds(2500)));
  }

  @Test
  void someReviewsAreOverdueAndSomeAreNot() {
    long overdue = packages().stream().filter(p -> p.nextReviewDue().isBefore(TODAY)).count();
    assertThat(overdue).isGreaterThan(100).isLessThan(packages().size() - 100L);
  }

  @Test
  void namesAreObviouslySynthetic() {
    assertThat(people).allMatch(p -> p.displayName().contains(" Demo-"));
  }

  @Test
  void savingsProgrammeMatchesThePublishedTotal() {
    long total =
        DemoSavingsProgramme.LINES.stream().mapToLong(DemoSavingsProgramme.Line::target).sum();
    assertThat(total).isEqualTo(-10_718_000L);
    assertThat(DemoSavingsProgramme.LINES)
        .extracting(DemoSavingsProgramme.Line::code)
        .contains("HWA Sav 06", "HWA Sav 23")
        .doesNotHaveDuplicates();
    assertThat(
            Set.copyOf(
                DemoSavingsProgramme.LINES.stream().map(DemoSavingsProgramme.Line::theme).toList()))
        .containsExactlyInAnyOrder(
            "Disabilities Care", "Older People Care", "Mental Health Care", "Other");
  }

  private List<PackageSeed> packages() {
    return people.stream().flatMap(p -> p.packages().stream()).toList();
  }
}
