package org.carereviews.casebook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.carereviews.common.Money;
import org.springframework.modulith.NamedInterface;

/** What the casebook API returns. */
@NamedInterface("casebook-service")
public final class CasebookViews {

  private CasebookViews() {}

  @NamedInterface("casebook-service")
  public record TeamView(String code, String name) {
    static TeamView of(Team team) {
      return new TeamView(team.getCode(), team.getName());
    }
  }

  @NamedInterface("casebook-service")
  public record PersonView(
      Long id,
      String reference,
      String displayName,
      LocalDate dateOfBirth,
      ClientGroup clientGroup,
      TeamView team,
      Set<String> cohorts,
      Set<FundingFlag> fundingFlags,
      List<PackageView> packages) {

    static PersonView of(Person person, List<CarePackage> packages, LocalDate today) {
      return new PersonView(
          person.getId(),
          person.getReference(),
          person.getDisplayName(),
          person.getDateOfBirth(),
          person.getClientGroup(),
          TeamView.of(person.getTeam()),
          new TreeSet<>(person.getCohorts().stream().map(Cohort::getCode).toList()),
          new TreeSet<>(person.getFundingFlags()),
          packages.stream()
              .sorted(Comparator.comparing(CarePackage::getId))
              .map(p -> PackageView.of(p, today))
              .toList());
    }
  }

  @NamedInterface("casebook-service")
  public record PackageView(
      Long id,
      String reference,
      Long personId,
      int version,
      ServiceType serviceType,
      String provider,
      Money weeklyGrossCost,
      Money assessedContribution,
      BigDecimal nhsSharePercent,
      Money netWeeklyCost,
      LocalDate startDate,
      LocalDate endDate,
      LocalDate nextReviewDue,
      boolean active,
      boolean reviewOverdue) {

    static PackageView of(CarePackage carePackage, LocalDate today) {
      CarePackageVersion current = carePackage.current();
      PackageTerms terms = current.getTerms();
      boolean active =
          !terms.getStartDate().isAfter(today)
              && (terms.getEndDate() == null || !terms.getEndDate().isBefore(today));
      boolean overdue =
          active && terms.getNextReviewDue() != null && terms.getNextReviewDue().isBefore(today);
      return new PackageView(
          carePackage.getId(),
          carePackage.getReference(),
          carePackage.getPerson().getId(),
          current.getVersionNumber(),
          terms.getServiceType(),
          terms.getProvider(),
          terms.getWeeklyGrossCost(),
          terms.getAssessedContribution(),
          terms.getNhsSharePercent(),
          terms.getNetWeeklyCost(),
          terms.getStartDate(),
          terms.getEndDate(),
          terms.getNextReviewDue(),
          active,
          overdue);
    }
  }

  @NamedInterface("casebook-service")
  public record VersionView(
      int version,
      ServiceType serviceType,
      String provider,
      Money weeklyGrossCost,
      Money assessedContribution,
      BigDecimal nhsSharePercent,
      Money netWeeklyCost,
      LocalDate startDate,
      LocalDate endDate,
      LocalDate nextReviewDue,
      String reason,
      String recordedBy,
      Instant recordedAt) {

    static VersionView of(CarePackageVersion version) {
      PackageTerms terms = version.getTerms();
      return new VersionView(
          version.getVersionNumber(),
          terms.getServiceType(),
          terms.getProvider(),
          terms.getWeeklyGrossCost(),
          terms.getAssessedContribution(),
          terms.getNhsSharePercent(),
          terms.getNetWeeklyCost(),
          terms.getStartDate(),
          terms.getEndDate(),
          terms.getNextReviewDue(),
          version.getReason(),
          version.getRecordedBy(),
          version.getRecordedAt());
    }
  }

  @NamedInterface("casebook-service")
  public record PackageHistoryView(PackageView current, List<VersionView> versions) {
    static PackageHistoryView of(CarePackage carePackage, LocalDate today) {
      return new PackageHistoryView(
          PackageView.of(carePackage, today),
          carePackage.getVersions().stream().map(VersionView::of).toList());
    }
  }
}
