package org.carereviews.common.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of results, with a stable JSON shape. */
public record PageResponse<T>(
    List<T> content, int page, int size, long totalElements, int totalPages) {

  public static final int MAX_PAGE_SIZE = 100;

  /**
   * The last page number a list accepts (a later page would be empty anyway, and its offset can
   * overflow).
   */
  public static final int MAX_PAGE = 100_000;

  public static final String MAX_PAGE_MESSAGE = "must be at most 100000";

  public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
    return new PageResponse<>(
        page.getContent().stream().map(mapper).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
