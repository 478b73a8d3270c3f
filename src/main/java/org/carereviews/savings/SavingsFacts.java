package org.carereviews.savings;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Collection;
import java.util.List;
import org.carereviews.common.Money;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code savings_fact}, the drill-down's projection of the ledger, in step with the ledger: a
 * row for each entry as it is recorded, and the stage of a saving (and every entry that adjusts it)
 * as its status moves; and, through {@link SavingsSummaries}, the roll-up's sums of those rows.
 * Called by {@link SavingsLedger} inside its own transaction, so neither disagrees with the ledger
 * it was written with.
 */
@Component
class SavingsFacts {

  private static final String INSERT_FROM_LEDGER =
      """
      insert into savings_fact (cost_change_id, stage_entry_id, person_id, financial_year, effective_month,
        savings_line_code, kind, stage, in_year_effect, full_year_effect, carry_forward_effect,
        validated_in_year, validated_full_year, validated_carry_forward)
      select c.id, coalesce(c.adjusts_entry_id, c.id), c.person_id, c.financial_year,
        to_char(c.effective_date, 'YYYY-MM'), c.savings_line_code, c.kind, %s,
        c.in_year_effect, c.full_year_effect, c.carry_forward_effect,
        c.in_year_effect, c.full_year_effect, c.carry_forward_effect
      from cost_change c
      %s
      """;

  /**
   * Newly recorded entries: a change starts identified; an adjustment takes its saving's current
   * stage.
   */
  private static final String INSERT_ENTRIES =
      INSERT_FROM_LEDGER.formatted(
          "coalesce(adjusted.stage, 'IDENTIFIED')",
          "left join savings_fact adjusted on adjusted.cost_change_id = c.adjusts_entry_id where c.id in (:ids)");

  /**
   * Every entry, at the latest status of its saving other than REVERSED (a reversal is an entry
   * that nets it off).
   */
  private static final String INSERT_ALL =
      INSERT_FROM_LEDGER.formatted(
          "coalesce(latest.status, 'IDENTIFIED')",
          """
      left join (
        select cost_change_id, status from (
          select e.cost_change_id, e.status,
                 row_number() over (partition by e.cost_change_id order by e.occurred_at desc, e.id desc) as rn
          from saving_status_event e where e.status <> 'REVERSED') ranked
        where rn = 1) latest on latest.cost_change_id = coalesce(c.adjusts_entry_id, c.id)
      """);

  /**
   * Savings whose latest VALIDATED event names a different amount, and which are still validated or
   * ratified.
   */
  private static final String VALIDATED_AMOUNTS =
      """
      select f.cost_change_id, c.effective_date, v.validated_weekly_delta from savings_fact f
      join cost_change c on c.id = f.cost_change_id
      join (
        select cost_change_id, validated_weekly_delta from (
          select e.cost_change_id, e.validated_weekly_delta,
                 row_number() over (partition by e.cost_change_id order by e.occurred_at desc, e.id desc) as rn
          from saving_status_event e where e.status = 'VALIDATED') ranked
        where rn = 1) v on v.cost_change_id = f.cost_change_id
      where f.cost_change_id = f.stage_entry_id and f.stage in ('VALIDATED', 'RATIFIED')
        and v.validated_weekly_delta is not null
        and not exists (select 1 from cost_change r where r.adjusts_entry_id = f.cost_change_id
          and r.entry_type = 'REVERSAL')
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final SavingsEffectCalculator calculator;
  private final SavingsSummaries summaries;

  SavingsFacts(
      NamedParameterJdbcTemplate jdbc,
      SavingsEffectCalculator calculator,
      SavingsSummaries summaries) {
    this.jdbc = jdbc;
    this.calculator = calculator;
    this.summaries = summaries;
  }

  /**
   * Adds the projection rows, and their sums, of entries just recorded (flushed, attributed) in
   * this transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void entriesRecorded(Collection<Long> entryIds) {
    if (!entryIds.isEmpty()) {
      jdbc.update(INSERT_ENTRIES, new MapSqlParameterSource("ids", entryIds));
      summaries.entriesAdded(entryIds);
    }
  }

  /**
   * Moves a saving and the entries that adjust it to a new stage. A REVERSED event moves nothing:
   * the reversal entry itself nets the saving off, at the saving's stage.
   *
   * @param validatedEffect the effect at the amount finance validated, when it differs from the
   *     claim
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void statusRecorded(long changeEntryId, SavingStatus status, SavingsEffect validatedEffect) {
    if (status == SavingStatus.REVERSED) {
      return;
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource("id", changeEntryId).addValue("stage", status.name());
    summaries.savingRestated(
        changeEntryId,
        () -> {
          jdbc.update("update savings_fact set stage = :stage where stage_entry_id = :id", params);
          if (status == SavingStatus.VALIDATED && validatedEffect != null) {
            setValidatedAmounts(changeEntryId, validatedEffect);
          } else if (status != SavingStatus.RATIFIED) {
            // Validated again without a different amount, sent back, rejected or withdrawn: no
            // validated amount stands.
            jdbc.update(
                """
            update savings_fact set validated_in_year = in_year_effect, validated_full_year = full_year_effect,
              validated_carry_forward = carry_forward_effect where cost_change_id = :id""",
                params);
          }
        });
  }

  /**
   * A change was reversed: it counts at its claimed amount from now on (a validated amount no
   * longer stands).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void savingReversed(long changeEntryId) {
    MapSqlParameterSource params = new MapSqlParameterSource("id", changeEntryId);
    summaries.savingRestated(
        changeEntryId,
        () ->
            jdbc.update(
                """
        update savings_fact set validated_in_year = in_year_effect, validated_full_year = full_year_effect,
          validated_carry_forward = carry_forward_effect where cost_change_id = :id""",
                params));
  }

  /**
   * Recomputes the whole projection, and then the summaries, from the ledger (after a bulk load, or
   * to check them).
   */
  @Transactional
  void rebuild() {
    jdbc.update("delete from savings_fact", new MapSqlParameterSource());
    jdbc.update(INSERT_ALL, new MapSqlParameterSource());
    record Validated(long entryId, Date effectiveDate, BigDecimal weeklyDelta) {}
    List<Validated> validated =
        jdbc.query(
            VALIDATED_AMOUNTS,
            (rs, i) -> new Validated(rs.getLong(1), rs.getDate(2), rs.getBigDecimal(3)));
    for (Validated v : validated) {
      setValidatedAmounts(
          v.entryId(),
          calculator.effectOf(Money.of(v.weeklyDelta()), v.effectiveDate().toLocalDate()));
    }
    summaries.rebuild();
  }

  private void setValidatedAmounts(long changeEntryId, SavingsEffect effect) {
    jdbc.update(
        """
        update savings_fact set validated_in_year = :inYear, validated_full_year = :fullYear,
          validated_carry_forward = :carryForward where cost_change_id = :id""",
        new MapSqlParameterSource("id", changeEntryId)
            .addValue("inYear", effect.inYearEffect().amount())
            .addValue("fullYear", effect.fullYearEffect().amount())
            .addValue("carryForward", effect.carryForwardEffect().amount()));
  }
}
