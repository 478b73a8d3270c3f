package org.carereviews.common.web;

/**
 * A request that breaks a business rule on a named field: 400 naming the field; nothing is written.
 */
public class InvalidRequestException extends RuntimeException {

  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
