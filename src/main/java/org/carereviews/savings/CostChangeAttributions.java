package org.carereviews.savings;

import java.util.Collection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who each ledger entry counts for, with the entry ({@code cost_change_attribution},
 * insert-only): the team, client group and cohorts of its person at that moment. An entry that
 * adjusts another (clawback, reversal, correction) counts for whoever the entry it adjusts counts
 * for, so it nets that entry off in the same group. A person who moves team later leaves their past
 * savings with the team that made them.
 */
@Component
class CostChangeAttributions {

  private static final String RECORD =
      """
      insert into cost_change_attribution (cost_change_id, team_code, client_group, cohorts)
      select c.id,
        case when c.adjusts_entry_id is null then t.code else adjusted.team_code end,
        case when c.adjusts_entry_id is null then p.client_group else adjusted.client_group end,
        case when c.adjusts_entry_id is null then
          (select string_agg(co.code, ' + ' order by co.code) from person_cohort pc
           join cohort co on co.id = pc.cohort_id where pc.person_id = c.person_id)
          else adjusted.cohorts end
      from cost_change c
      join person p on p.id = c.person_id
      join team t on t.id = p.team_id
      left join cost_change_attribution adjusted on adjusted.cost_change_id = c.adjusts_entry_id
      where c.id in (:ids)
      """;

  private final NamedParameterJdbcTemplate jdbc;

  CostChangeAttributions(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Attributes entries just recorded (and flushed) in this transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  void entriesRecorded(Collection<Long> entryIds) {
    if (!entryIds.isEmpty()) {
      jdbc.update(RECORD, new MapSqlParameterSource("ids", entryIds));
    }
  }
}
