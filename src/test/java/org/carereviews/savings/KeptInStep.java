package org.carereviews.savings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The check that what the ledger keeps in step as it goes (the projection {@code savings_fact} and
 * the roll-up's {@code savings_summary}) is what {@link SavingsFacts#rebuild()} computes from the
 * ledger afresh. Summary rows left at zero (their entries all moved to another stage) are kept in
 * step but not rebuilt, so they are left out; a row with no entries and any amount is not.
 */
final class KeptInStep {

  private static final String FACTS = "select * from savings_fact order by cost_change_id";

  private static final String SUMMARIES =
      """
      select * from savings_summary
      where entries <> 0 or in_year_effect <> 0 or full_year_effect <> 0 or carry_forward_effect <> 0
        or validated_in_year <> 0 or validated_full_year <> 0 or validated_carry_forward <> 0
      order by financial_year, grouped_by, group_key, kind, stage
      """;

  private KeptInStep() {}

  static void assertEqualsRebuilt(JdbcTemplate jdbc, SavingsFacts facts, String context) {
    List<Map<String, Object>> factsKeptInStep = jdbc.queryForList(FACTS);
    List<Map<String, Object>> summariesKeptInStep = jdbc.queryForList(SUMMARIES);
    assertThat(summariesKeptInStep).as("%s: summaries", context).isNotEmpty();

    facts.rebuild();

    assertThat(jdbc.queryForList(FACTS))
        .as("%s: savings_fact rebuilt from the ledger", context)
        .isEqualTo(factsKeptInStep);
    assertThat(jdbc.queryForList(SUMMARIES))
        .as("%s: savings_summary rebuilt from the ledger", context)
        .isEqualTo(summariesKeptInStep);
  }
}
