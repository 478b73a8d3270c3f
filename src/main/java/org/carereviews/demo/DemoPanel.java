package org.carereviews.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageSnapshot;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.panel.PackageRequestCommand;
import org.carereviews.panel.PackageRequestType;
import org.carereviews.panel.PackageRequests;
import org.carereviews.panel.ProposedPackage;
import org.carereviews.panel.UrgentReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts a few package requests in front of the panel and the team managers in the embedded default:
 * small increases (a team manager's), large ones and care home placements (panel's), and an urgent
 * safeguarding start. Only into a database with no package requests yet.
 */
@Component
@ConditionalOnProperty(name = "care-reviews.demo.load-data", havingValue = "true")
@Order(4)
class DemoPanel implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPanel.class);

  private final PackageRequests requests;
  private final CasebookService casebook;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  DemoPanel(PackageRequests requests, CasebookService casebook, JdbcTemplate jdbc, Clock clock) {
    this.requests = requests;
    this.casebook = casebook;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    Long existing = jdbc.queryForObject("select count(*) from package_request", Long.class);
    if (existing != null && existing > 0) {
      return;
    }
    List<Long> packageIds =
        jdbc.queryForList(
            """
        select p.id from care_package p join person s on s.id = p.person_id join team t on t.id = s.team_id
        where t.code in ('NORTH', 'SOUTH') order by p.id""",
            Long.class);
    LocalDate start = LocalDate.now(clock).plusDays(7);
    int made = 0;
    for (int i = 0; i < Math.min(12, packageIds.size()); i++) {
      PackageSnapshot current =
          casebook.packageSnapshot(packageIds.get(i * Math.max(1, packageIds.size() / 12)));
      PackageTerms terms = current.terms();
      ServiceType service = i % 4 == 3 ? ServiceType.NURSING : terms.getServiceType();
      BigDecimal factor =
          switch (i % 4) {
            case 0 -> new BigDecimal("1.05");
            case 1 -> new BigDecimal("1.60");
            case 2 -> new BigDecimal("0.90");
            default -> new BigDecimal("2.00");
          };
      Money gross = terms.getWeeklyGrossCost().times(factor);
      ProposedPackage proposed =
          new ProposedPackage(
              service,
              terms.getProvider(),
              gross,
              terms.getAssessedContribution().isGreaterThan(gross)
                  ? gross
                  : terms.getAssessedContribution(),
              terms.getNhsSharePercent(),
              start);
      String proposer = "sw." + current.teamCode().toLowerCase(Locale.ROOT);
      requests.submit(
          new PackageRequestCommand(
              PackageRequestType.PACKAGE_CHANGE,
              i == 5 ? UrgentReason.SAFEGUARDING : null,
              current.personId(),
              current.packageId(),
              proposed,
              "Demo request: needs have changed since the last review",
              proposer,
              null,
              "demo"));
      made++;
    }
    log.warn("Demo panel: {} package requests waiting for a team manager or the panel", made);
  }
}
