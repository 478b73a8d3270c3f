package org.carereviews.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carereviews.ctr.Commissioner;
import org.carereviews.ctr.ConsentBasis;
import org.carereviews.ctr.CtrRegister;
import org.carereviews.ctr.CtrRequests.Admission;
import org.carereviews.ctr.CtrRequests.NewRegisterEntry;
import org.carereviews.ctr.EarlierReviews;
import org.carereviews.ctr.EarlierReviews.Action;
import org.carereviews.ctr.EarlierReviews.Held;
import org.carereviews.ctr.HospitalSetting;
import org.carereviews.ctr.Rating;
import org.carereviews.ctr.ReviewKind;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts people on the dynamic support register in the embedded default, so the CTR screens have
 * something to show on first start: two each rated red, amber and green, and three in hospital
 * (blue): one admitted three weeks ago without a community review first, so a post-admission review
 * is due within the four weeks; one admitted seven months ago, whose six-monthly review is overdue;
 * one out of area in secure care, whose review six weeks ago left two of its three actions overdue
 * (chased at once). Through the register's own service, as the CTR chair, so every rule holds. Only
 * into a register that is empty; people with a learning disability or autism from the synthetic
 * council.
 */
@Component
@ConditionalOnProperty(name = "care-reviews.demo.load-data", havingValue = "true")
@Order(5)
class DemoCtr implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCtr.class);
  private static final CareUser CHAIR = CareUser.fromGroups("ctr.chair", List.of(Roles.CTR_CHAIR));
  private static final List<Rating> RATINGS =
      List.of(Rating.RED, Rating.RED, Rating.AMBER, Rating.AMBER, Rating.GREEN, Rating.GREEN);
  private static final int IN_HOSPITAL = 3;

  private final CtrRegister register;
  private final EarlierReviews earlierReviews;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  DemoCtr(CtrRegister register, EarlierReviews earlierReviews, JdbcTemplate jdbc, Clock clock) {
    this.register = register;
    this.earlierReviews = earlierReviews;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    Long existing = jdbc.queryForObject("select count(*) from ctr_register_entry", Long.class);
    if (existing != null && existing > 0) {
      return;
    }
    List<Long> people =
        jdbc.queryForList(
            """
        select id from person where client_group in ('LEARNING_DISABILITY', 'AUTISM') order by id""",
            Long.class);
    if (people.size() < RATINGS.size() + IN_HOSPITAL) {
      log.warn(
          "Demo CTR: too few people with a learning disability or autism for the register; nothing loaded");
      return;
    }
    LocalDate today = LocalDate.now(clock);
    int step = people.size() / (RATINGS.size() + IN_HOSPITAL);
    for (int i = 0; i < RATINGS.size() + IN_HOSPITAL; i++) {
      long personId = people.get(i * step);
      Rating rating = i < RATINGS.size() ? RATINGS.get(i) : Rating.RED;
      register.add(
          CHAIR,
          new NewRegisterEntry(
              personId,
              true,
              today.minusDays(40 + 9L * i),
              rating,
              reasons(rating),
              i % 2 == 0 ? "sw.north" : "sw.south",
              today.plusDays(3 + 11L * i)));
    }
    long recent = people.get(RATINGS.size() * step);
    register.admit(
        CHAIR,
        recent,
        new Admission(
            "Riverside Assessment and Treatment Unit (synthetic)",
            HospitalSetting.NON_SECURE,
            false,
            today.minusWeeks(3),
            Commissioner.NHS_INTEGRATED_CARE_BOARD,
            false,
            null));
    long longStay = people.get((RATINGS.size() + 1) * step);
    register.admit(
        CHAIR,
        longStay,
        new Admission(
            "Meadow View Hospital (synthetic)",
            HospitalSetting.NON_SECURE,
            false,
            today.minusMonths(7),
            Commissioner.NHS_INTEGRATED_CARE_BOARD,
            true,
            today.plusMonths(2)));
    long secure = people.get((RATINGS.size() + 2) * step);
    register.admit(
        CHAIR,
        secure,
        new Admission(
            "Northgate Secure Unit (synthetic)",
            HospitalSetting.SECURE,
            true,
            today.minusMonths(4),
            Commissioner.NHS_INTEGRATED_CARE_BOARD,
            true,
            null));
    Instant meeting = today.minusWeeks(6).atTime(10, 0).atZone(clock.getZone()).toInstant();
    String reference =
        earlierReviews.record(
            CHAIR,
            new Held(
                secure,
                ReviewKind.INPATIENT_CTR,
                today.minusWeeks(6),
                meeting,
                "ctr.chair",
                "ctr.clinician",
                "ctr.expert",
                ConsentBasis.CONSENT,
                "Consent given in person, family present",
                "Yes, with two-to-one support at night",
                "Mostly; activities are too few at weekends",
                "Not yet: the community provider must be found",
                "Yes for now; discharge to be planned within the year",
                List.of(
                    new Action(
                        "Find a community provider with experience of autism and secure settings",
                        "sw.north",
                        today.minusWeeks(3)),
                    new Action(
                        "Refer for a sensory assessment", "ctr.clinician", today.minusWeeks(1)),
                    new Action(
                        "Agree the risk share with the integrated care board",
                        "ctr.chair",
                        today.plusWeeks(3)))));
    log.warn(
        "Demo CTR: {} people on the dynamic support register, {} of them in hospital; earlier review {} with "
            + "actions overdue",
        RATINGS.size() + IN_HOSPITAL,
        IN_HOSPITAL,
        reference);
  }

  private static String reasons(Rating rating) {
    return switch (rating) {
      case RED -> "At risk of admission: placement breaking down, crisis plan in place";
      case AMBER -> "Rising risk: changes in behaviour reported by the provider";
      default -> "Stable with support; kept under review";
    };
  }
}
