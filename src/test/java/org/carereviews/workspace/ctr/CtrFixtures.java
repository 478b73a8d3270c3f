package org.carereviews.workspace.ctr;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.carereviews.ctr.Commissioner;
import org.carereviews.ctr.CtrRegister;
import org.carereviews.ctr.CtrRequests.Admission;
import org.carereviews.ctr.CtrRequests.NewRegisterEntry;
import org.carereviews.ctr.CtrSchedule;
import org.carereviews.ctr.CtrViews.ReviewView;
import org.carereviews.ctr.HospitalSetting;
import org.carereviews.ctr.Rating;
import org.carereviews.ctr.ReviewKind;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person of team North not yet on the register, put on it and admitted a week ago with no
 * community review first, so their post-admission review starts at once (through ctr's own
 * services, as the CTR chair).
 */
final class CtrFixtures {

  static final CareUser CHAIR = CareUser.fromGroups("ctr.chair", List.of(Roles.CTR_CHAIR));

  record Admitted(long personId, ReviewView review) {}

  private CtrFixtures() {}

  /**
   * Moves a convened review's meeting to an hour ago: it has taken place (a review records its
   * meeting only once it has met, and its papers must be shared a day before).
   */
  static void meetingHeldAnHourAgo(JdbcTemplate jdbc, Clock clock, long reviewId) {
    jdbc.update(
        "update ctr_review set meeting_at = ? where id = ?",
        java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofHours(1))),
        reviewId);
  }

  static Admitted admittedWithReviewStarted(
      JdbcTemplate jdbc, CtrRegister register, CtrSchedule schedule, Clock clock) {
    Long personId =
        jdbc.queryForObject(
            """
            select min(p.id) from person p join team t on t.id = p.team_id
            where t.code = 'NORTH' and p.client_group in ('LEARNING_DISABILITY', 'AUTISM')
              and not exists (select 1 from ctr_register_entry e where e.person_id = p.id)""",
            Long.class);
    if (personId == null) {
      throw new IllegalStateException("no person of team North left to put on the register");
    }
    LocalDate today = LocalDate.now(clock);
    register.add(
        CHAIR,
        new NewRegisterEntry(
            personId,
            true,
            today.minusDays(10),
            Rating.RED,
            "At risk of admission: placement breaking down",
            "sw.north",
            today.plusDays(30)));
    register.admit(
        CHAIR,
        personId,
        new Admission(
            "Test Assessment Unit (synthetic)",
            HospitalSetting.NON_SECURE,
            false,
            today.minusWeeks(1),
            Commissioner.NHS_INTEGRATED_CARE_BOARD,
            false,
            null));
    schedule.startDue();
    ReviewView review =
        register.get(CHAIR, personId).reviews().stream()
            .filter(r -> r.kind() == ReviewKind.POST_ADMISSION)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("the post-admission review did not start"));
    return new Admitted(personId, review);
  }
}
