package org.carereviews.workspace.dashboard;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.common.csv.CsvTable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets per client group and financial year ({@code client_group_budget}, V22), imported as CSV
 * all or nothing: columns {@code financialYear,clientGroup,budget}, one row per client group and
 * year. Every row is checked before anything is written; one bad row refuses the file, naming each
 * bad row and column. An import adds rows; the latest row of a group and year is its budget.
 */
@Service
class Budgets {

  static final List<String> COLUMNS = List.of("financialYear", "clientGroup", "budget");
  static final int MAX_ROWS = 1000;

  record Imported(int rows, List<FinancialYear> years) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  Budgets(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The budgets of a year by client group (groups without one are absent). */
  @Transactional(readOnly = true)
  Map<ClientGroup, Money> of(FinancialYear year) {
    Map<ClientGroup, Money> budgets = new EnumMap<>(ClientGroup.class);
    jdbc.query(
        """
        select b.client_group, b.budget from client_group_budget b
        where b.financial_year = :year and b.id = (select max(b2.id) from client_group_budget b2
          where b2.financial_year = b.financial_year and b2.client_group = b.client_group)""",
        new MapSqlParameterSource("year", year.startYear()),
        rs -> {
          budgets.put(
              ClientGroup.valueOf(rs.getString("client_group")),
              Money.rounded(rs.getBigDecimal("budget")));
        });
    return budgets;
  }

  @Transactional
  Imported importCsv(Reader csv, String importedBy) {
    CsvTable table = CsvTable.read(csv, COLUMNS, List.of(), MAX_ROWS);
    if (table.unreadable()) {
      table.rejectIfAnyProblems();
    }
    record Budget(FinancialYear year, ClientGroup group, BigDecimal amount) {}
    Map<String, Integer> firstRow = new HashMap<>();
    List<Budget> valid = new java.util.ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      FinancialYear year = financialYear(row);
      ClientGroup group = row.choice("clientGroup", ClientGroup.class);
      BigDecimal amount = row.amount("budget");
      if (amount != null && amount.signum() < 0) {
        row.problem("budget", "must not be negative: a budget is what the council plans to spend");
        amount = null;
      }
      if (year == null || group == null || amount == null) {
        continue;
      }
      Integer first = firstRow.putIfAbsent(year.startYear() + "/" + group, row.number());
      if (first != null) {
        row.problem(
            "clientGroup", group + " already has a budget for " + year + " in row " + first);
        continue;
      }
      valid.add(new Budget(year, group, amount));
    }
    table.rejectIfAnyProblems();
    Instant now = Instant.now(clock);
    for (Budget budget : valid) {
      jdbc.update(
          """
          insert into client_group_budget (financial_year, client_group, budget, imported_by, imported_at)
          values (:year, :group, :budget, :by, :at)""",
          new MapSqlParameterSource()
              .addValue("year", budget.year().startYear())
              .addValue("group", budget.group().name())
              .addValue("budget", budget.amount())
              .addValue("by", importedBy)
              .addValue("at", Timestamp.from(now)));
    }
    return new Imported(
        valid.size(), valid.stream().map(Budget::year).distinct().sorted().toList());
  }

  private static FinancialYear financialYear(CsvTable.Row row) {
    String value = row.text("financialYear");
    if (value == null) {
      row.problem("financialYear", "is required");
      return null;
    }
    try {
      return FinancialYear.parse(value);
    } catch (IllegalArgumentException e) {
      row.problem("financialYear", e.getMessage());
      return null;
    }
  }
}
