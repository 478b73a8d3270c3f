package org.carereviews.common.web;

import java.util.Locale;

/**
 * How enum values read in URLs: {@code CLIENT_GROUP} is {@code clientGroup}. Request parameters are
 * converted back leniently (any case, with or without '_'), see {@code WebConfiguration}.
 */
public final class RequestEnums {

  private RequestEnums() {}

  public static String camelCase(Enum<?> value) {
    String[] words = value.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder text = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      text.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return text.toString();
  }
}
