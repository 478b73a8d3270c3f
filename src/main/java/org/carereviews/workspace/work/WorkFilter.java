package org.carereviews.workspace.work;

import java.util.Locale;
import org.carereviews.workflow.Workflow.WorkOrder;

/**
 * What a work list is asked for, from the query string: kind of task, overdue only, a search on the
 * person's name or a reference, the order and the page (1-based). Anything unknown means "any".
 */
public record WorkFilter(
    TaskKind kind, boolean overdueOnly, String search, WorkOrder order, int page) {

  static final int PAGE_SIZE = 25;
  static final int MAX_SEARCH = 100;

  static WorkFilter of(String kind, String overdue, String search, String sort, String page) {
    String text = search == null ? null : search.strip();
    if (text != null && (text.isEmpty() || text.length() > MAX_SEARCH)) {
      text = text.isEmpty() ? null : text.substring(0, MAX_SEARCH);
    }
    WorkOrder order = "waited".equals(sort) ? WorkOrder.WAITED : WorkOrder.DUE;
    int number = 1;
    if (page != null && page.matches("\\d{1,6}")) {
      number = Math.max(1, Integer.parseInt(page));
    }
    return new WorkFilter(
        kind == null ? null : TaskKind.ofParam(kind.toLowerCase(Locale.ROOT)).orElse(null),
        "true".equals(overdue) || "on".equals(overdue),
        text,
        order,
        number);
  }

  /** Whether this asks for the whole list (any page, any order): its total is the list's count. */
  public boolean isEverything() {
    return kind == null && !overdueOnly && search == null;
  }

  public String sortParam() {
    return order == WorkOrder.WAITED ? "waited" : "due";
  }

  public String kindParam() {
    return kind == null ? "" : kind.param();
  }
}
