package org.carereviews.workspace.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormDefinitionsTest {

  /**
   * Every form of the repository, read from the folder Camunda deploys from (forms/ at the top).
   */
  static Stream<Path> repositoryForms() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      return files.filter(file -> file.toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositoryForms")
  void everyFormOfTheRepositoryIsReadWithEveryComponentItHas(Path file) throws IOException {
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    String id = json.get("id").asText();

    FormDefinition form = Forms.form(id);

    assertThat(form.allComponents()).hasSize(count(json.get("components")));
    assertThat(form.keys()).containsExactlyElementsOf(keys(json.get("components")));
    form.fields().forEach(field -> assertThat(field.label()).as(field.id()).isNotBlank());
  }

  @Test
  void theFormsAreKeyedByTheIdUserTasksReference() throws IOException {
    Set<String> ids;
    try (Stream<Path> files = repositoryForms()) {
      ids =
          files
              .map(
                  file -> {
                    try {
                      return new ObjectMapper().readTree(file.toFile()).get("id").asText();
                    } catch (IOException e) {
                      throw new AssertionError(e);
                    }
                  })
              .collect(Collectors.toSet());
    }

    assertThat(Forms.ALL.all())
        .extracting(FormDefinition::id)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(Forms.ALL.byId("review-conduct")).isPresent();
    assertThat(Forms.ALL.byId("no-such-form")).isEmpty();
  }

  @Test
  void reviewConductIsReadWithItsMoneyDatesChoicesAndConditions() {
    FormDefinition form = Forms.form("review-conduct");

    FormComponent cost = form.field("proposedWeeklyGrossCost").orElseThrow();
    assertThat(cost.type()).isEqualTo(ComponentType.NUMBER);
    assertThat(cost.isMoney()).isTrue();
    assertThat(cost.prefix()).isEqualTo("£");
    assertThat(cost.decimalDigits()).isEqualTo(2);
    assertThat(cost.serializeToString()).isTrue();
    assertThat(cost.validate().min()).isEqualByComparingTo("0");
    assertThat(cost.hide().source()).startsWith("=not(list contains(");
    assertThat(form.field("proposedNhsSharePercent").orElseThrow().isMoney()).isFalse();

    FormComponent effective = form.field("effectiveDate").orElseThrow();
    assertThat(effective.dateTime()).isEqualTo(FormComponent.DateTimeKind.DATE);
    assertThat(effective.label()).isEqualTo("Takes effect on");

    FormComponent outcome = form.field("outcome").orElseThrow();
    assertThat(outcome.validate().required()).isTrue();
    assertThat(outcome.options())
        .extracting(FormOption::value)
        .contains("NO_CHANGE", "REDUCE", "REASSESS");
    assertThat(form.field("strengthsAndAssets").orElseThrow().validate().maxLength())
        .isEqualTo(4000);
  }

  @Test
  void aDateTimeTakesItsLabelFromDateLabelAndKeepsItsTimeLabel() {
    FormComponent meetingAt = Forms.form("ctr-convene-panel").field("meetingAt").orElseThrow();

    assertThat(meetingAt.dateTime()).isEqualTo(FormComponent.DateTimeKind.DATETIME);
    assertThat(meetingAt.label()).isEqualTo("Meeting date");
    assertThat(meetingAt.timeLabel()).isEqualTo("Time");
  }

  @Test
  void groupsKeepTheirFieldsInOrder() {
    FormDefinition form = Forms.form("ctr-record-meeting");
    FormComponent second =
        form.components().stream()
            .filter(c -> c.id().equals("Group_recommendation2"))
            .findFirst()
            .orElseThrow();

    assertThat(second.type()).isEqualTo(ComponentType.GROUP);
    assertThat(second.components())
        .extracting(FormComponent::key)
        .containsExactly("recommendation2Text", "recommendation2Owner", "recommendation2DueDate");
    assertThat(second.hide().names()).containsExactly("recommendation1Text");
  }

  @Test
  void aComponentTypeTheWorkspaceDoesNotRenderIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                Forms.parse(
                    form(
                        """
        {"type": "dynamiclist", "id": "List_1", "label": "Items", "path": "items", "components": []}""")))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("test.form (form test)")
        .hasMessageContaining("List_1")
        .hasMessageContaining("'dynamiclist' is not supported");
  }

  @Test
  void aConditionItCannotEvaluateIsRefusedRatherThanGuessed() {
    assertThatThrownBy(
            () ->
                Forms.parse(
                    form(
                        """
        {"type": "textfield", "id": "Field_a", "key": "a", "label": "A",
         "conditional": {"hide": "=today() > dueDate"}}""")))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("Field_a")
        .hasMessageContaining("the function 'today' is not supported");
  }

  @Test
  void aPropertyThatWouldChangeTheFormIsRefused() {
    assertThatThrownBy(
            () ->
                Forms.parse(
                    form(
                        """
        {"type": "select", "id": "Field_a", "key": "a", "label": "A", "valuesExpression": "=options"}""")))
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("the property 'valuesExpression' is not supported");
    assertThatThrownBy(
            () ->
                Forms.parse(
                    form(
                        """
        {"type": "textfield", "id": "Field_a", "key": "a", "label": "A", "validate": {"validationType": "email"}}""")))
        .hasMessageContaining("validate.validationType is not supported");
    assertThatThrownBy(
            () ->
                Forms.parse(
                    form(
                        """
        {"type": "textfield", "id": "Field_a", "key": "a", "label": "=upper case(name)"}""")))
        .hasMessageContaining("label given as an expression");
  }

  @Test
  void aTemplateBeyondPlainPlaceholdersIsRefused() {
    assertThatThrownBy(
            () ->
                Forms.parse(
                    form(
                        """
        {"type": "text", "id": "Text_a", "text": "{{#loop items}}{{this}}{{/loop}}"}""")))
        .hasMessageContaining("the template '{{#loop items}}' is not supported");
  }

  @Test
  void aKeyUsedTwiceIsRefused() {
    assertThatThrownBy(
            () ->
                Forms.parse(
                    form(
                        """
        {"type": "textfield", "id": "Field_a", "key": "a", "label": "A"},
        {"type": "textarea", "id": "Field_b", "key": "a", "label": "B"}""")))
        .hasMessageContaining("the key 'a' is used twice");
  }

  private static String form(String components) {
    return """
        {"schemaVersion": 16, "type": "default", "id": "test", "components": [%s]}"""
        .formatted(components);
  }

  private static int count(JsonNode components) {
    int count = 0;
    for (JsonNode component : components) {
      count += 1 + (component.has("components") ? count(component.get("components")) : 0);
    }
    return count;
  }

  private static List<String> keys(JsonNode components) {
    List<String> keys = new java.util.ArrayList<>();
    for (JsonNode component : components) {
      if (component.has("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.has("components")) {
        keys.addAll(keys(component.get("components")));
      }
    }
    return keys;
  }
}
