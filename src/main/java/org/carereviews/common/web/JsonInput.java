package org.carereviews.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;
import org.carereviews.common.DateOfBirth;
import org.carereviews.common.DateWindows;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How JSON bodies are read, strictly: one document and nothing after it, no key twice, no enum as a
 * number (application.yaml), and here: a date only as {@code yyyy-mm-dd} within {@link
 * DateWindows}, and text without control characters (tab, newline and carriage return aside; names
 * refuse those too, see {@link InputText}).
 */
@Configuration
class JsonInput {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput(Clock clock) {
    return builder ->
        builder
            .deserializerByType(LocalDate.class, new StrictDate(clock, false))
            .deserializerByType(String.class, new PlainText());
  }

  /** A date written {@code yyyy-mm-dd}, a real one, within the window of its kind. */
  static final class StrictDate extends StdScalarDeserializer<LocalDate>
      implements ContextualDeserializer {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter ISO =
        DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final transient Clock clock;
    private final boolean birth;

    StrictDate(Clock clock, boolean birth) {
      super(LocalDate.class);
      this.clock = clock;
      this.birth = birth;
    }

    @Override
    public JsonDeserializer<?> createContextual(
        DeserializationContext context, BeanProperty property) {
      boolean isBirth = property != null && property.getAnnotation(DateOfBirth.class) != null;
      return isBirth == birth ? this : new StrictDate(clock, isBirth);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
      }
      String text = parser.getText().strip();
      LocalDate date;
      try {
        if (!FORMAT.matcher(text).matches()) {
          throw new DateTimeParseException("not yyyy-mm-dd", text, 0);
        }
        date = LocalDate.parse(text, ISO);
      } catch (DateTimeParseException e) {
        throw new InputRefusedException(
            parser, "must be a date written yyyy-mm-dd, such as 2026-04-01", LocalDate.class);
      }
      String problem =
          birth
              ? DateWindows.birthProblem(date, LocalDate.now(clock))
              : DateWindows.careDateProblem(date);
      if (problem != null) {
        throw new InputRefusedException(parser, problem, LocalDate.class);
      }
      return date;
    }
  }

  /** Text without control characters other than tab, newline and carriage return. */
  static final class PlainText extends StdScalarDeserializer<String> {

    PlainText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (String) context.handleUnexpectedToken(String.class, parser);
      }
      String text = parser.getText();
      if (InputText.hasControlCharacter(text, true)) {
        throw new InputRefusedException(parser, InputText.CONTROL_MESSAGE, String.class);
      }
      return text;
    }
  }
}
