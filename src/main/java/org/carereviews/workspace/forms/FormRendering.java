package org.carereviews.workspace.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Works out what each component of a form shows for the current answers and errors. */
final class FormRendering {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormRendering() {}

  static List<ComponentView> views(FormDefinition form, FormAnswers answers, FormErrors errors) {
    Function<String, Object> values = FormReader.conditionValues(form, answers);
    return views(form, form.components(), answers, errors, values);
  }

  private static List<ComponentView> views(
      FormDefinition form,
      List<FormComponent> components,
      FormAnswers answers,
      FormErrors errors,
      Function<String, Object> values) {
    Set<String> keys = form.keys();
    List<ComponentView> views = new ArrayList<>();
    for (FormComponent component : components) {
      boolean conditional =
          component.hide() != null && component.hide().names().stream().anyMatch(keys::contains);
      if (!conditional && FormReader.isHidden(component, values)) {
        continue; // hidden by what the case holds: nothing the user types can show it
      }
      views.add(view(form, component, answers, errors, values, conditional));
    }
    return views;
  }

  private static ComponentView view(
      FormDefinition form,
      FormComponent component,
      FormAnswers answers,
      FormErrors errors,
      Function<String, Object> values,
      boolean conditional) {
    String hideTree = conditional ? tree(component.hide()) : null;
    String id = component.isInput() ? FormIds.firstInput(component) : component.id();
    String error =
        component.isInput()
            ? errors.forField(component.key()).map(FormError::message).orElse(null)
            : null;
    List<ComponentView> children =
        component.type() == ComponentType.GROUP
            ? views(form, component.components(), answers, errors, values)
            : List.of();
    String kind;
    String value = null;
    List<ComponentView.OptionView> options = List.of();
    String inputmode = null;
    String width = null;
    ComponentView.DateView date = null;
    String html = null;
    switch (component.type()) {
      case TEXT -> {
        kind = "text";
        html = FormText.html(FormText.filled(component.text(), answers::variable));
      }
      case GROUP -> kind = "group";
      case SEPARATOR -> kind = "separator";
      case SPACER -> kind = "spacer";
      case TEXTFIELD -> {
        kind = "input";
        value = shownText(component, answers);
      }
      case TEXTAREA -> {
        kind = "textarea";
        value = shownText(component, answers);
      }
      case NUMBER -> {
        kind = "input";
        value = shownText(component, answers);
        Integer digits = component.decimalDigits();
        inputmode = digits != null && digits == 0 ? "numeric" : "decimal";
        width = "govuk-input--width-10";
      }
      case CHECKBOX -> {
        kind = "checkbox";
        value = String.valueOf(Boolean.TRUE.equals(values.apply(component.key())));
      }
      case RADIO, SELECT, CHECKLIST -> {
        kind =
            component.type() == ComponentType.SELECT
                ? "select"
                : component.type() == ComponentType.RADIO ? "radios" : "checkboxes";
        options = options(component, answers, values.apply(component.key()));
      }
      case DATETIME -> {
        kind = "date";
        date = date(component, answers, errors);
      }
      default -> throw new IllegalStateException("no view for " + component.type());
    }
    String hint = component.description();
    if (component.type() == ComponentType.DATETIME
        && hint == null
        && component.dateTime().hasDate()) {
      hint = "For example, 27 3 2026";
    }
    return new ComponentView(
        kind,
        id,
        component.key(),
        component.label(),
        hint,
        error,
        value,
        options,
        component.isMoney() ? "£" : component.prefix(),
        component.suffix(),
        inputmode,
        width,
        date,
        component.timeLabel() == null ? "Time" : component.timeLabel(),
        html,
        children,
        conditional,
        hideTree,
        component.disabled(),
        component.readonly());
  }

  /** A text or number as shown: as posted, else the case's value, else the form's default. */
  private static String shownText(FormComponent component, FormAnswers answers) {
    if (answers.wasPosted() && !component.readonly() && !component.disabled()) {
      String posted = answers.param(component.key());
      return posted == null ? "" : posted;
    }
    Object current = answers.variable(component.key());
    if (current == null) {
      current = component.defaultValue();
    }
    if (current instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (current instanceof Double || current instanceof Float) {
      return new BigDecimal(current.toString()).toPlainString();
    }
    return current == null ? "" : current.toString();
  }

  private static List<ComponentView.OptionView> options(
      FormComponent component, FormAnswers answers, Object chosen) {
    List<ComponentView.OptionView> views = new ArrayList<>();
    List<FormOption> options = FormOptions.of(component, answers);
    for (int i = 0; i < options.size(); i++) {
      FormOption option = options.get(i);
      boolean selected =
          chosen instanceof Collection<?> items
              ? items.stream().anyMatch(item -> option.value().equals(String.valueOf(item)))
              : chosen != null && option.value().equals(String.valueOf(chosen));
      views.add(
          new ComponentView.OptionView(
              FormIds.option(component, i), option.value(), option.label(), selected));
    }
    return views;
  }

  private static ComponentView.DateView date(
      FormComponent component, FormAnswers answers, FormErrors errors) {
    String key = component.key();
    String[] parts;
    if (answers.wasPosted() && !component.readonly() && !component.disabled()) {
      parts =
          new String[] {
            blank(answers.param(key + FormIds.DAY)),
            blank(answers.param(key + FormIds.MONTH)),
            blank(answers.param(key + FormIds.YEAR)),
            blank(answers.param(key + FormIds.TIME))
          };
    } else {
      Object current = answers.variable(key);
      parts = FormReader.parts(current == null ? component.defaultValue() : current);
    }
    FormError error = errors.forField(key).orElse(null);
    boolean day = false;
    boolean month = false;
    boolean year = false;
    boolean time = false;
    if (error != null) {
      String target = error.elementId() == null ? "" : error.elementId();
      if (error.message().contains(" must include a ")) {
        day = parts[0].isBlank();
        month = parts[1].isBlank();
        year = parts[2].isBlank();
      } else if (target.endsWith(FormIds.TIME)) {
        time = true;
      } else if (target.endsWith(FormIds.YEAR)) {
        year = true;
      } else {
        day = component.dateTime().hasDate();
        month = day;
        year = day;
        time = !day;
      }
    }
    return new ComponentView.DateView(
        component.dateTime().hasDate(),
        component.dateTime().hasTime(),
        parts[0],
        parts[1],
        parts[2],
        parts[3],
        day,
        month,
        year,
        time);
  }

  private static String blank(String value) {
    return value == null ? "" : value;
  }

  static String scriptValues(FormDefinition form, FormAnswers answers) {
    Set<String> keys = form.keys();
    java.util.Map<String, Object> values = new java.util.TreeMap<>();
    for (FormComponent component : form.allComponents()) {
      if (component.hide() != null && component.hide().names().stream().anyMatch(keys::contains)) {
        component.hide().names().stream()
            .filter(name -> !keys.contains(name))
            .forEach(name -> values.put(name, Condition.normalized(answers.variable(name))));
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the values of form " + form.id() + " cannot be written as JSON", e);
    }
  }

  private static String tree(Condition condition) {
    try {
      return JSON.writeValueAsString(condition.tree());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("condition " + condition + " cannot be written as JSON", e);
    }
  }
}
