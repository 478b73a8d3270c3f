package org.carereviews.workspace.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads Camunda Forms JSON into a {@link FormDefinition}, strictly: a component type, a property or
 * an expression the workspace would not render as Tasklist does is refused with the form, the
 * component and what is wrong, so that a form edited in Camunda Modeler is either shown faithfully
 * or stops the service from starting.
 */
final class FormParser {

  private static final Set<String> FORM_PROPERTIES =
      Set.of(
          "components",
          "type",
          "id",
          "schemaVersion",
          "exporter",
          "executionPlatform",
          "executionPlatformVersion");

  /**
   * Properties every component may have; layout and outline are presentation GOV.UK pages do not
   * use.
   */
  private static final Set<String> COMMON = Set.of("type", "id", "layout", "properties");

  private static final Set<String> INPUT =
      Set.of(
          "key",
          "label",
          "description",
          "validate",
          "conditional",
          "defaultValue",
          "readonly",
          "disabled");
  private static final Map<ComponentType, Set<String>> OWN =
      Map.ofEntries(
          Map.entry(ComponentType.TEXTFIELD, Set.of("appearance")),
          Map.entry(ComponentType.TEXTAREA, Set.of()),
          Map.entry(
              ComponentType.NUMBER,
              Set.of("appearance", "decimalDigits", "serializeToString", "increment")),
          Map.entry(ComponentType.CHECKBOX, Set.of()),
          Map.entry(ComponentType.CHECKLIST, Set.of("values", "valuesKey")),
          Map.entry(ComponentType.RADIO, Set.of("values", "valuesKey")),
          Map.entry(ComponentType.SELECT, Set.of("values", "valuesKey", "searchable")),
          Map.entry(
              ComponentType.DATETIME,
              Set.of(
                  "subtype",
                  "dateLabel",
                  "timeLabel",
                  "use24h",
                  "timeSerializingFormat",
                  "timeInterval")),
          Map.entry(ComponentType.TEXT, Set.of("text", "conditional")),
          Map.entry(
              ComponentType.GROUP,
              Set.of("label", "components", "showOutline", "conditional", "verticalAlignment")),
          Map.entry(ComponentType.SEPARATOR, Set.of("conditional")),
          Map.entry(ComponentType.SPACER, Set.of("height", "conditional")));
  private static final Set<String> VALIDATE =
      Set.of("required", "min", "max", "minLength", "maxLength", "pattern");
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");

  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param source where the JSON comes from, named in refusals
   * @throws FormDefinitionException when the form cannot be rendered faithfully
   */
  FormDefinition parse(String source, InputStream in) {
    JsonNode root;
    try {
      root = json.readTree(in);
    } catch (IOException e) {
      throw new FormDefinitionException(source + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new FormDefinitionException(source + " is not a Camunda Form (no JSON object)");
    }
    unknownProperties(source, "the form", root, FORM_PROPERTIES);
    String id = root.path("id").asText("");
    if (id.isBlank()) {
      throw new FormDefinitionException(
          source + " has no id: Camunda user tasks reference a form by its id");
    }
    if (!root.path("type").asText("default").equals("default")) {
      throw new FormDefinitionException(
          source + ": form type '" + root.path("type").asText() + "' is not supported");
    }
    Context context = new Context(source + " (form " + id + ")");
    List<FormComponent> components = components(context, root.path("components"));
    return new FormDefinition(id, source, root.path("schemaVersion").asInt(0), components);
  }

  private List<FormComponent> components(Context context, JsonNode array) {
    if (!array.isArray()) {
      throw new FormDefinitionException(context.source + ": 'components' must be a list");
    }
    List<FormComponent> components = new ArrayList<>();
    for (JsonNode node : array) {
      components.add(component(context, node));
    }
    return List.copyOf(components);
  }

  private FormComponent component(Context context, JsonNode node) {
    String typeName = node.path("type").asText("");
    String id = node.path("id").asText("");
    String where = context.source + ", component " + (id.isEmpty() ? "without an id" : id);
    ComponentType type =
        ComponentType.of(typeName)
            .orElseThrow(
                () ->
                    new FormDefinitionException(
                        where
                            + ": the component type '"
                            + typeName
                            + "' is not supported by the workspace (see docs/workspace-forms.md)"));
    Set<String> allowed = new HashSet<>(COMMON);
    allowed.addAll(OWN.get(type));
    if (type.isInput()) {
      allowed.addAll(INPUT);
    }
    unknownProperties(context.source, where, node, allowed);
    if (!id.isEmpty() && !context.ids.add(id)) {
      throw new FormDefinitionException(where + ": the id is used twice");
    }

    String key = null;
    if (type.isInput()) {
      key = node.path("key").asText("");
      if (!KEY.matcher(key).matches()) {
        throw new FormDefinitionException(
            where + ": the key '" + key + "' is not a plain variable name");
      }
      if (!context.keys.add(key)) {
        throw new FormDefinitionException(where + ": the key '" + key + "' is used twice");
      }
    }
    String label = plain(where, "label", node.path("label"));
    FormComponent.DateTimeKind dateTime = null;
    String timeLabel = null;
    if (type == ComponentType.DATETIME) {
      dateTime =
          switch (node.path("subtype").asText("date")) {
            case "date" -> FormComponent.DateTimeKind.DATE;
            case "time" -> FormComponent.DateTimeKind.TIME;
            case "datetime" -> FormComponent.DateTimeKind.DATETIME;
            default ->
                throw new FormDefinitionException(
                    where
                        + ": the date subtype '"
                        + node.path("subtype").asText()
                        + "' is not supported");
          };
      if (dateTime.hasTime()
          && !node.path("timeSerializingFormat").asText("no_timezone").equals("no_timezone")) {
        throw new FormDefinitionException(
            where + ": only times without a time zone (no_timezone) are supported");
      }
      if (dateTime.hasTime() && !node.path("use24h").asBoolean(true)) {
        throw new FormDefinitionException(where + ": only 24-hour times are supported");
      }
      if (label == null) {
        label = plain(where, "dateLabel", node.path("dateLabel"));
      }
      if (label == null && dateTime == FormComponent.DateTimeKind.TIME) {
        label = plain(where, "timeLabel", node.path("timeLabel"));
      }
      timeLabel = plain(where, "timeLabel", node.path("timeLabel"));
    }
    if (type.isInput() && label == null) {
      throw new FormDefinitionException(
          where + ": a field needs a label (GOV.UK pages label every field)");
    }

    JsonNode appearance = node.path("appearance");
    if (!appearance.isMissingNode()) {
      unknownProperties(
          context.source,
          where + " appearance",
          appearance,
          Set.of("prefixAdorner", "suffixAdorner"));
    }
    Integer decimalDigits =
        node.hasNonNull("decimalDigits") ? node.get("decimalDigits").asInt() : null;
    String text = null;
    if (type == ComponentType.TEXT) {
      text = node.path("text").asText("");
      if (text.startsWith("=")) {
        throw new FormDefinitionException(where + ": text given as an expression is not supported");
      }
      Matcher placeholder = PLACEHOLDER.matcher(text);
      while (placeholder.find()) {
        if (!KEY.matcher(placeholder.group(1).strip()).matches()) {
          throw new FormDefinitionException(
              where
                  + ": the template '{{"
                  + placeholder.group(1)
                  + "}}' is not supported (only {{variableName}} is)");
        }
      }
    }
    List<FormComponent> children =
        type == ComponentType.GROUP ? components(context, node.path("components")) : List.of();
    return new FormComponent(
        type,
        id,
        key,
        label,
        plain(where, "description", node.path("description")),
        validation(where, type, node.path("validate")),
        options(where, node.path("values")),
        node.hasNonNull("valuesKey") ? node.get("valuesKey").asText() : null,
        defaultValue(where, node),
        flag(where, "readonly", node.path("readonly")),
        flag(where, "disabled", node.path("disabled")),
        hide(where, node.path("conditional")),
        plain(where, "prefixAdorner", appearance.path("prefixAdorner")),
        plain(where, "suffixAdorner", appearance.path("suffixAdorner")),
        decimalDigits,
        node.path("serializeToString").asBoolean(false),
        dateTime,
        timeLabel,
        text,
        children,
        properties(node.path("properties")));
  }

  private static Validation validation(String where, ComponentType type, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Validation.NONE;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!VALIDATE.contains(name)) {
        throw new FormDefinitionException(
            where + ": the rule validate." + name + " is not supported");
      }
    }
    Pattern pattern = null;
    if (node.hasNonNull("pattern") && !node.get("pattern").asText().isEmpty()) {
      try {
        pattern = Pattern.compile(node.get("pattern").asText());
      } catch (PatternSyntaxException e) {
        throw new FormDefinitionException(
            where
                + ": the pattern "
                + node.get("pattern").asText()
                + " is not a regular expression Java understands: "
                + e.getDescription(),
            e);
      }
    }
    return new Validation(
        node.path("required").asBoolean(false),
        decimal(where, node.get("min")),
        decimal(where, node.get("max")),
        integer(node.get("minLength")),
        integer(node.get("maxLength")),
        pattern);
  }

  private static BigDecimal decimal(String where, JsonNode node) {
    if (node == null || node.isNull() || node.asText().isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(node.asText());
    } catch (NumberFormatException e) {
      throw new FormDefinitionException(where + ": '" + node.asText() + "' is not a number");
    }
  }

  private static Integer integer(JsonNode node) {
    return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asInt();
  }

  private static List<FormOption> options(String where, JsonNode values) {
    if (values.isMissingNode() || values.isNull()) {
      return List.of();
    }
    List<FormOption> options = new ArrayList<>();
    for (JsonNode value : values) {
      String label = plain(where, "values.label", value.path("label"));
      String submitted = value.path("value").asText("");
      options.add(new FormOption(label == null ? submitted : label, submitted));
    }
    return List.copyOf(options);
  }

  private static Object defaultValue(String where, JsonNode node) {
    JsonNode value = node.get("defaultValue");
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual() && value.asText().startsWith("=")) {
      throw new FormDefinitionException(
          where + ": a default value given as an expression is not supported");
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asText()));
      return List.copyOf(items);
    }
    return value.asText();
  }

  private static boolean flag(String where, String name, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new FormDefinitionException(
          where + ": " + name + " given as an expression is not supported");
    }
    return node.asBoolean();
  }

  private static Condition hide(String where, JsonNode conditional) {
    if (conditional.isMissingNode() || conditional.isNull()) {
      return null;
    }
    Iterator<String> names = conditional.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("hide")) {
        throw new FormDefinitionException(where + ": conditional." + name + " is not supported");
      }
    }
    String expression = conditional.path("hide").asText("");
    if (expression.isBlank()) {
      return null;
    }
    try {
      return Condition.parse(expression);
    } catch (FormDefinitionException e) {
      throw new FormDefinitionException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Text shown as it is: an expression in its place would need FEEL the workspace does not
   * evaluate.
   */
  private static String plain(String where, String name, JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    String text = node.asText();
    if (text.startsWith("=")) {
      throw new FormDefinitionException(
          where + ": " + name + " given as an expression (" + text + ") is not supported");
    }
    return text.isBlank() ? null : text;
  }

  private static Map<String, String> properties(JsonNode node) {
    Map<String, String> properties = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(entry -> properties.put(entry.getKey(), entry.getValue().asText()));
    return Map.copyOf(properties);
  }

  private static void unknownProperties(
      String source, String where, JsonNode node, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new FormDefinitionException(
            (where.startsWith(source) ? where : source + ", " + where)
                + ": the property '"
                + name
                + "' is not supported by the workspace (see docs/workspace-forms.md)");
      }
    }
  }

  /** Ids and keys seen so far in one form: each must be unique. */
  private static final class Context {
    final String source;
    final Set<String> ids = new HashSet<>();
    final Set<String> keys = new HashSet<>();

    Context(String source) {
      this.source = source;
    }
  }
}
