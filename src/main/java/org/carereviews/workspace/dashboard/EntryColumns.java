package org.carereviews.workspace.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.carereviews.savings.SavingsDrillDown.Entry;

/**
 * The columns of an exported drill-down: the API's, with names and reasons left out for readers
 * without the need.
 */
final class EntryColumns {

  private EntryColumns() {}

  static List<String> headers(boolean masked) {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "entry",
                "entry type",
                "adjusts entry",
                "source",
                "source reference",
                "package",
                "person"));
    if (!masked) {
      headers.add("name");
    }
    headers.addAll(
        List.of(
            "team",
            "client group",
            "savings line",
            "kind",
            "stage",
            "effective date",
            "old net weekly cost",
            "new net weekly cost",
            "weekly delta",
            "amount"));
    if (!masked) {
      headers.add("reason");
    }
    headers.addAll(List.of("recorded by", "recorded at"));
    return headers;
  }

  static List<Object> values(Entry e, boolean masked) {
    List<Object> values = new ArrayList<>(List.of(e.entryId(), e.entryType()));
    values.add(e.adjustsEntryId());
    values.addAll(
        java.util.Arrays.asList(
            e.source(), e.sourceReference(), e.packageReference(), e.personReference()));
    if (!masked) {
      values.add(e.personName());
    }
    values.addAll(
        java.util.Arrays.asList(
            e.team(),
            e.clientGroup(),
            e.savingsLine(),
            e.kind(),
            e.stage(),
            e.effectiveDate(),
            e.oldNetWeeklyCost(),
            e.newNetWeeklyCost(),
            e.weeklyDelta(),
            e.amount()));
    if (!masked) {
      values.add(e.reason());
    }
    values.addAll(java.util.Arrays.asList(e.recordedBy(), e.recordedAt()));
    return values;
  }
}
