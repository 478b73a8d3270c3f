package org.carereviews.savings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Savings programme", description = "Savings lines and their targets")
@RestController
@RequestMapping("/api/savings")
class SavingsProgrammeController {

  record LineTarget(
      String code,
      String name,
      String theme,
      SavingsKind kind,
      String owner,
      java.math.BigDecimal confidenceFactor,
      FinancialYear financialYear,
      Money target) {}

  /** One kind's total target: savings targets and growth allowances are never netted off. */
  record KindTotal(SavingsKind kind, Money target) {}

  record Programme(FinancialYear financialYear, List<LineTarget> lines, List<KindTotal> totals) {}

  private final SavingsLines lines;
  private final SavingsTargets targets;
  private final SavingsForecasts forecasts;

  SavingsProgrammeController(
      SavingsLines lines, SavingsTargets targets, SavingsForecasts forecasts) {
    this.lines = lines;
    this.targets = targets;
    this.forecasts = forecasts;
  }

  @Operation(
      summary =
          "The savings lines with a target in a financial year (e.g. 2021-22), and the total of each "
              + "kind (savings targets and growth allowances are totalled apart)")
  @GetMapping("/lines")
  @Transactional(readOnly = true)
  Programme lines(@RequestParam FinancialYear financialYear) {
    Map<String, SavingsLine> byCode =
        lines.findAll().stream()
            .collect(Collectors.toMap(SavingsLine::getCode, Function.identity()));
    List<LineTarget> rows =
        targets.findByFinancialYearStartOrderByLineCode(financialYear.startYear()).stream()
            .map(
                t -> {
                  SavingsLine line = byCode.get(t.getLineCode());
                  return new LineTarget(
                      line.getCode(),
                      line.getName(),
                      line.getTheme(),
                      line.getKind(),
                      line.getOwner(),
                      line.getConfidenceFactor() == null
                          ? forecasts.defaultConfidence()
                          : line.getConfidenceFactor(),
                      financialYear,
                      t.getTarget());
                })
            .toList();
    Map<SavingsKind, Money> byKind = new java.util.EnumMap<>(SavingsKind.class);
    rows.forEach(r -> byKind.merge(r.kind(), r.target(), Money::plus));
    List<KindTotal> totals =
        byKind.entrySet().stream().map(e -> new KindTotal(e.getKey(), e.getValue())).toList();
    return new Programme(financialYear, rows, totals);
  }
}
