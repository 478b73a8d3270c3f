package org.carereviews.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Two requests changed the same record at once (two outcomes recorded on one review, say): the
 * later one is refused and changes nothing; the client reads the record again and decides. One
 * answer for the database's optimistic lock and the engine's.
 */
public final class ConcurrentChange {

  private ConcurrentChange() {}

  public static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The record was changed by another request at the same time; nothing was changed by this one. "
                + "Read it again and repeat the request if it still applies.");
    problem.setTitle("Changed at the same time");
    return problem;
  }
}
