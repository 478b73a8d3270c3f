package org.carereviews.common.web;

/** A record asked for by id does not exist (or the caller may not know it exists): 404. */
public class RecordNotFoundException extends RuntimeException {

  public RecordNotFoundException(String recordType, Object id) {
    super("No " + recordType + " with id " + id + ".");
  }
}
