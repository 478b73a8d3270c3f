package org.carereviews.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value refused by one of our input rules; its message is the reason, shown as it is. */
public class InputRefusedException extends InvalidFormatException {

  public InputRefusedException(JsonParser parser, String reason, Class<?> targetType) {
    super(parser, reason, null, targetType);
  }
}
