package org.carereviews.common.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A refusal as a plain sentence with its subject, for people in Tasklist: the field is named as the
 * form labels it ({@code forms/**}{@code /*.form}), e.g. field {@code proposedWeeklyGrossCost} with
 * "must be at most 15000.00 a week" reads "Weekly gross cost must be at most 15000.00 a week.". A
 * message that is already a sentence of its own ("a reduction must rest on ...") is kept as it is.
 */
public final class RefusalSentences {

  /** Messages that start like this need the field as their subject. */
  private static final Set<String> PREDICATES =
      Set.of(
          "is", "are", "was", "were", "must", "may", "has", "have", "does", "do", "cannot", "can",
          "should", "needs", "need");

  private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
  private static final Pattern STATEMENT = Pattern.compile(" (is|are|has|have|will|recommends) ");
  private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\([^()]*\\)\\s*$");

  private static volatile Map<String, String> labels;

  private RefusalSentences() {}

  /** The refusal of {@code field} with {@code message} as one sentence, ending with a full stop. */
  public static String of(String field, String message) {
    String text = message == null || message.isBlank() ? "is not accepted" : message.strip();
    String firstWord = text.split("\\s+", 2)[0];
    String sentence =
        field != null && !field.isBlank() && PREDICATES.contains(firstWord)
            ? subject(field) + " " + text
            : text;
    sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    return sentence.matches("(?s).*[.!?]$") ? sentence : sentence + ".";
  }

  /** The field as people read it: its label on the form, or its name in words. */
  static String subject(String field) {
    Matcher indexed = INDEXED.matcher(field);
    if (indexed.matches()) {
      String list = words(indexed.group(1));
      String item = list.endsWith("s") ? list.substring(0, list.length() - 1) : list;
      return subject(indexed.group(3))
          + " of "
          + item
          + " "
          + (Integer.parseInt(indexed.group(2)) + 1);
    }
    String label = labels().get(field);
    if (label == null) {
      return words(field);
    }
    if (label.endsWith("?")) {
      return "the answer to '" + label + "'";
    }
    String plain = TRAILING_NOTE.matcher(label).replaceAll("");
    if (plain.isBlank()) {
      return words(field);
    }
    // A checkbox's label is a statement ("The new cost is live"): quoted, it can be the subject.
    return STATEMENT.matcher(plain).find() ? "'" + plain + "'" : plain;
  }

  private static String words(String name) {
    return String.join(" ", CAMEL.split(name)).toLowerCase(Locale.ROOT).replace("nhs", "NHS");
  }

  /**
   * Every form field's label (or date label), by key; read once from the forms on the classpath.
   */
  private static Map<String, String> labels() {
    Map<String, String> found = labels;
    if (found == null) {
      found = new HashMap<>();
      ObjectMapper json = new ObjectMapper();
      try {
        for (Resource form :
            new PathMatchingResourcePatternResolver(RefusalSentences.class.getClassLoader())
                .getResources("classpath*:forms/**/*.form")) {
          try (InputStream in = form.getInputStream()) {
            collect(json.readTree(in).path("components"), found);
          }
        }
      } catch (IOException unreadable) {
        // Without the labels, fields are named in words.
      }
      labels = found;
    }
    return found;
  }

  private static void collect(JsonNode components, Map<String, String> found) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      String label =
          component.hasNonNull("label")
              ? component.get("label").asText()
              : component.path("dateLabel").asText("");
      if (!key.isEmpty() && !label.isBlank()) {
        found.putIfAbsent(key, label.strip());
      }
      collect(component.path("components"), found);
    }
  }
}
