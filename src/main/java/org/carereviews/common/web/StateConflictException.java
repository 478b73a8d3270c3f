package org.carereviews.common.web;

/**
 * A request that is well-formed but conflicts with the record's current state (already decided,
 * nothing waiting, a meeting not quorate): 409 with the reason; nothing is written.
 */
public class StateConflictException extends RuntimeException {

  public StateConflictException(String message) {
    super(message);
  }
}
