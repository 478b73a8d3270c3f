package org.carereviews.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.carereviews.common.web.ConcurrentChange;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The engine's optimistic lock on the API: the same 409 as the database's (see {@link
 * ConcurrentChange}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineConflicts {

  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentChange(OptimisticLockingException e) {
    return ConcurrentChange.problem();
  }
}
