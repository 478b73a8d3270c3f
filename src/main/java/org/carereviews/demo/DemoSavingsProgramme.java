package org.carereviews.demo;

import java.util.List;
import org.carereviews.savings.SavingsKind;

/**
 * The 2021/22 adult social care savings lines and targets published in a council's budget and
 * improvement plan (shared/reference/002): nine lines, total -10,718,000.
 */
final class DemoSavingsProgramme {

  record Line(String code, String name, String theme, SavingsKind kind, long target) {}

  static final int REFERENCE_YEAR = 2021;

  static final List<Line> LINES =
      List.of(
          new Line(
              "HWA Sav 06",
              "Baseline Savings - Disabilities Operational Budget",
              "Disabilities Care",
              SavingsKind.CASHABLE_SAVING,
              -3_015_000),
          new Line(
              "HWA Sav 07",
              "Stretch Savings - Disabilities Operational Budget",
              "Disabilities Care",
              SavingsKind.CASHABLE_SAVING,
              -1_367_000),
          new Line(
              "HWA Sav 19",
              "Savings on care provision - ASC Older People Baseline",
              "Older People Care",
              SavingsKind.CASHABLE_SAVING,
              -1_908_000),
          new Line(
              "HWA Sav 20",
              "Stretch Savings - Older People",
              "Older People Care",
              SavingsKind.CASHABLE_SAVING,
              -691_000),
          new Line(
              "HWA Sav 09",
              "Baseline Savings - Mental Health Operational Budget",
              "Mental Health Care",
              SavingsKind.CASHABLE_SAVING,
              -459_000),
          new Line(
              "HWA Sav 10",
              "Stretch Savings - Mental Health Operational Budget",
              "Mental Health Care",
              SavingsKind.CASHABLE_SAVING,
              -225_000),
          new Line(
              "HWA Sav 08",
              "Review of Contracts - OBC Commissioning, Working Age Adults",
              "Other",
              SavingsKind.CASHABLE_SAVING,
              -600_000),
          new Line(
              "HWA Sav 22",
              "Income from Care UK Beds released to self funders",
              "Other",
              SavingsKind.CASHABLE_SAVING,
              -254_000),
          new Line(
              "HWA Sav 23",
              "Immediate Measures Staffing Savings",
              "Other",
              SavingsKind.CASHABLE_SAVING,
              -2_199_000));

  private DemoSavingsProgramme() {}
}
