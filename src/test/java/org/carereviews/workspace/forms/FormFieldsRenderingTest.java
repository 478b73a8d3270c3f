package org.carereviews.workspace.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The fragments of templates/workspace/forms/fields.html, rendered by a real Thymeleaf engine. */
class FormFieldsRenderingTest {

  private final FormDefinition review = Forms.form("review-conduct");

  private static Map<String, Object> caseValues(Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  private Document render(FormDefinition form, FormAnswers answers, FormErrors errors) {
    return Jsoup.parse(FormPages.render(form, answers, errors));
  }

  @Test
  void moneyIsATextInputWithAPoundPrefixAndADecimalKeyboard() {
    Document page =
        render(
            review,
            FormAnswers.of(caseValues("proposedWeeklyGrossCost", "412.50")),
            FormErrors.none());

    Element input = page.getElementById("proposedWeeklyGrossCost");
    assertThat(input.attr("type")).isEqualTo("text");
    assertThat(input.attr("inputmode")).isEqualTo("decimal");
    assertThat(input.attr("spellcheck")).isEqualTo("false");
    assertThat(input.attr("name")).isEqualTo("proposedWeeklyGrossCost");
    assertThat(input.val()).isEqualTo("412.50");
    assertThat(input.classNames()).contains("govuk-input", "govuk-input--width-10");
    Element wrapper = input.parent();
    assertThat(wrapper.hasClass("govuk-input__wrapper")).isTrue();
    assertThat(wrapper.selectFirst(".govuk-input__prefix").text()).isEqualTo("£");
    assertThat(wrapper.selectFirst(".govuk-input__prefix").attr("aria-hidden")).isEqualTo("true");
    assertThat(page.selectFirst("label[for=proposedWeeklyGrossCost]").text())
        .isEqualTo("Weekly gross cost");
    assertThat(
            page.getElementById("proposedNhsSharePercent")
                .parent()
                .hasClass("govuk-input__wrapper"))
        .isFalse();
  }

  @Test
  void aDateIsThreeInputsForDayMonthAndYearInAFieldset() {
    Document page =
        render(
            review, FormAnswers.of(caseValues("effectiveDate", "2026-04-01")), FormErrors.none());

    Element dateInput = page.selectFirst(".govuk-date-input#effectiveDate");
    Element fieldset = dateInput.closest("fieldset");
    assertThat(fieldset.attr("role")).isEqualTo("group");
    assertThat(fieldset.selectFirst("legend").text()).isEqualTo("Takes effect on");
    assertThat(page.getElementById(fieldset.attr("aria-describedby")).text())
        .isEqualTo("For an ending: the first day without the package");
    assertThat(dateInput.select("input"))
        .extracting(input -> input.id(), input -> input.val(), input -> input.attr("inputmode"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("effectiveDate-day", "1", "numeric"),
            org.assertj.core.groups.Tuple.tuple("effectiveDate-month", "4", "numeric"),
            org.assertj.core.groups.Tuple.tuple("effectiveDate-year", "2026", "numeric"));
    assertThat(dateInput.select("label"))
        .extracting(Element::text)
        .containsExactly("Day", "Month", "Year");
    assertThat(page.getElementById("effectiveDate-year").hasClass("govuk-input--width-4")).isTrue();
  }

  @Test
  void errorsAreSummarisedWithLinksToTheirFieldsAndShownAtEachField() {
    FormSubmission refused =
        review.submit(
            Forms.posted(
                "outcome",
                "END",
                "effectiveDate-day",
                "1",
                "effectiveDate-year",
                "2026",
                "proposedWeeklyGrossCost",
                "lots"),
            Map.of());

    Document page = render(review, refused.answers(), refused.errors());

    Element summary = page.selectFirst(".govuk-error-summary");
    assertThat(summary.attr("data-module")).isEqualTo("govuk-error-summary");
    assertThat(summary.selectFirst("[role=alert] h2.govuk-error-summary__title").text())
        .isEqualTo("There is a problem");
    assertThat(summary.select("ul.govuk-list.govuk-error-summary__list a"))
        .extracting(a -> a.attr("href"), Element::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "#strengthsAndAssets", "Enter the strengths and assets found"),
            org.assertj.core.groups.Tuple.tuple(
                "#outcomesWanted", "Enter the outcomes the person wants"),
            org.assertj.core.groups.Tuple.tuple("#personViews", "Enter the person's views"),
            org.assertj.core.groups.Tuple.tuple(
                "#effectiveDate-month", "Takes effect on must include a month"));
    for (Element link : summary.select("a")) {
      assertThat(page.getElementById(link.attr("href").substring(1)))
          .as(link.attr("href"))
          .isNotNull();
    }

    Element strengths = page.getElementById("strengthsAndAssets");
    assertThat(strengths.parent().hasClass("govuk-form-group--error")).isTrue();
    assertThat(strengths.hasClass("govuk-textarea--error")).isTrue();
    assertThat(strengths.attr("aria-describedby")).isEqualTo("strengthsAndAssets-error");
    assertThat(page.getElementById("strengthsAndAssets-error").text())
        .isEqualTo("Error: Enter the strengths and assets found");
    assertThat(
            page.getElementById("strengthsAndAssets-error")
                .selectFirst(".govuk-visually-hidden")
                .text())
        .isEqualTo("Error:");

    assertThat(page.getElementById("effectiveDate-month").hasClass("govuk-input--error")).isTrue();
    assertThat(page.getElementById("effectiveDate-day").hasClass("govuk-input--error")).isFalse();
    assertThat(page.getElementById("effectiveDate-day").val())
        .as("what was typed is kept")
        .isEqualTo("1");
    assertThat(page.selectFirst("option[value=END]").hasAttr("selected")).isTrue();
  }

  @Test
  void noErrorSummaryWithoutErrors() {
    Document page = render(review, FormAnswers.of(Map.of()), FormErrors.none());

    assertThat(page.select(".govuk-error-summary")).isEmpty();
    assertThat(page.select(".govuk-form-group--error")).isEmpty();
  }

  @Test
  void textIsMarkdownWithItsPlaceholdersFilledAndEscaped() {
    Document page =
        render(
            review,
            FormAnswers.of(caseValues("reviewRef", "REV-1 <script>alert(1)</script>")),
            FormErrors.none());

    Element intro = page.getElementById("Text_Intro");
    assertThat(intro.selectFirst("h2.govuk-heading-l").text()).isEqualTo("Care package review");
    assertThat(intro.selectFirst("p.govuk-body strong").text())
        .isEqualTo("REV-1 <script>alert(1)</script>");
    assertThat(page.select("script"))
        .extracting(script -> script.attr("src"))
        .as("the workspace's own script only")
        .containsExactly("/workspace/forms/conditional.js");
    assertThat(page.select("h1")).hasSize(1);
  }

  @Test
  void textHiddenByWhatTheCaseHoldsIsNotOnThePage() {
    Document asked =
        render(
            review,
            FormAnswers.of(caseValues("panelQuestion", "Why now?", "panelDecidedBy", "PANEL")),
            FormErrors.none());
    Document notAsked = render(review, FormAnswers.of(Map.of()), FormErrors.none());

    assertThat(asked.getElementById("Text_PanelQuestion").text())
        .contains("The panel asked")
        .contains("Why now?");
    assertThat(asked.getElementById("Text_TeamManagerQuestion")).isNull();
    assertThat(notAsked.getElementById("Text_PanelQuestion")).isNull();
  }

  @Test
  void fieldsShownByAnAnswerOnTheFormAreMarkedForTheScriptAndShownWithoutIt() {
    Document page = render(review, FormAnswers.of(Map.of()), FormErrors.none());

    Element cost = page.getElementById("proposedWeeklyGrossCost");
    Element conditional = cost.closest(".app-conditional");
    assertThat(conditional).isNotNull();
    assertThat(conditional.hasAttr("hidden"))
        .as("without the script, the field is there to answer")
        .isFalse();
    assertThat(conditional.attr("data-app-hide")).startsWith("[\"not\",[\"contains\"");
    assertThat(page.getElementById("strengthsAndAssets").closest(".app-conditional")).isNull();
    assertThat(page.selectFirst("[data-app-key=outcome]").attr("data-app-kind"))
        .isEqualTo("choice");
  }

  @Test
  void selectsCheckboxesAndHintsFollowGovukFrontend() {
    Document page =
        render(
            review,
            FormAnswers.of(caseValues("conversationCrisis", true, "outcome", "REDUCE")),
            FormErrors.none());

    Element outcome = page.getElementById("outcome");
    assertThat(outcome.tagName()).isEqualTo("select");
    assertThat(outcome.hasClass("govuk-select")).isTrue();
    assertThat(outcome.select("option"))
        .extracting(option -> option.attr("value"))
        .startsWith("", "NO_CHANGE");
    assertThat(outcome.selectFirst("option[selected]").val()).isEqualTo("REDUCE");

    Element crisis = page.getElementById("conversationCrisis");
    assertThat(crisis.attr("type")).isEqualTo("checkbox");
    assertThat(crisis.val()).isEqualTo("true");
    assertThat(crisis.hasAttr("checked")).isTrue();
    assertThat(crisis.hasClass("govuk-checkboxes__input")).isTrue();
    assertThat(crisis.closest(".govuk-checkboxes").attr("data-module"))
        .isEqualTo("govuk-checkboxes");
    assertThat(page.getElementById("conversationConnect").hasAttr("checked")).isFalse();

    Element carers = page.getElementById("carerViews");
    assertThat(carers.attr("aria-describedby")).isEqualTo("carerViews-hint");
    assertThat(page.getElementById("carerViews-hint").text()).isEqualTo("If the person has carers");
  }

  @Test
  void radiosAndAChecklistAreFieldsetsWithALegendAndNumberedIds() {
    FormDefinition form =
        Forms.parse(
            """
        {"schemaVersion": 16, "type": "default", "id": "t", "components": [
          {"type": "radio", "id": "Field_seat", "key": "seat", "label": "Your seat", "description": "As on the agenda",
           "validate": {"required": true}, "valuesKey": "seats"},
          {"type": "checklist", "id": "Field_days", "key": "days", "label": "Days of care",
           "values": [{"label": "Monday", "value": "MON"}, {"label": "Tuesday", "value": "TUE"}]}]}""");
    Map<String, Object> variables =
        caseValues(
            "seats",
            java.util.List.of(
                Map.of("label", "Finance", "value", "FINANCE"),
                Map.of("label", "Commissioning", "value", "COMMISSIONING")));
    FormSubmission refused = form.submit(Forms.posted("days", "TUE"), variables);

    Document page = render(form, refused.answers(), refused.errors());

    assertThat(page.selectFirst(".govuk-error-summary a").attr("href")).isEqualTo("#seat");
    Element radios = page.selectFirst(".govuk-radios");
    assertThat(radios.attr("data-module")).isEqualTo("govuk-radios");
    assertThat(radios.select("input"))
        .extracting(Element::id, Element::val)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("seat", "FINANCE"),
            org.assertj.core.groups.Tuple.tuple("seat-2", "COMMISSIONING"));
    Element fieldset = radios.closest("fieldset");
    assertThat(fieldset.selectFirst("legend").text()).isEqualTo("Your seat");
    assertThat(fieldset.attr("aria-describedby")).isEqualTo("seat-hint seat-error");
    assertThat(page.getElementById("seat-error").text()).isEqualTo("Error: Select your seat");
    assertThat(page.getElementById("days-2").hasAttr("checked")).isTrue();
    assertThat(page.getElementById("days").hasAttr("checked")).isFalse();
    assertThat(page.selectFirst("label[for=days-2]").text()).isEqualTo("Tuesday");
  }

  @Test
  void aDefaultShowsUntilTheCaseHasAValue() {
    FormDefinition form =
        Forms.parse(
            """
        {"schemaVersion": 16, "type": "default", "id": "t", "components": [
          {"type": "textfield", "id": "Field_note", "key": "note", "label": "Note", "defaultValue": "None"}]}""");

    assertThat(
            render(form, FormAnswers.of(Map.of()), FormErrors.none()).getElementById("note").val())
        .isEqualTo("None");
    assertThat(
            render(form, FormAnswers.of(caseValues("note", "Seen")), FormErrors.none())
                .getElementById("note")
                .val())
        .isEqualTo("Seen");
  }

  @Test
  void aGroupIsAFieldsetWithItsLabelAsLegend() {
    Document page =
        render(Forms.form("ctr-record-meeting"), FormAnswers.of(Map.of()), FormErrors.none());

    Element group = page.getElementById("Group_recommendation1");
    assertThat(group.selectFirst("fieldset > legend").text()).isEqualTo("Recommendation 1");
    assertThat(group.getElementById("recommendation1DueDate-day")).isNotNull();
    assertThat(page.getElementById("Group_recommendation2").parent().attr("data-app-hide"))
        .contains("recommendation1Text");
  }

  @Test
  void aDateAndTimeHasATimeInputAfterTheDate() {
    Document page =
        render(
            Forms.form("ctr-convene-panel"),
            FormAnswers.of(caseValues("meetingAt", "2026-05-04T09:30")),
            FormErrors.none());

    assertThat(page.getElementById("meetingAt-day").val()).isEqualTo("4");
    Element time = page.getElementById("meetingAt-time");
    assertThat(time.val()).isEqualTo("09:30");
    assertThat(page.selectFirst("label[for=meetingAt-time]").text()).isEqualTo("Time");
  }

  @Test
  void everyFormOfTheRepositoryRendersWithUniqueIdsAndLabelledInputs() {
    for (FormDefinition form : Forms.ALL.all()) {
      Document page = render(form, FormAnswers.of(Map.of()), FormErrors.none());

      java.util.Set<String> ids = new java.util.HashSet<>();
      for (Element element : page.select("[id]")) {
        assertThat(ids.add(element.id())).as(form.id() + " id " + element.id()).isTrue();
      }
      for (Element input : page.select("input, textarea, select")) {
        assertThat(page.select("label[for=" + input.id() + "]"))
            .as(form.id() + " label of " + input.id())
            .hasSize(1);
      }
    }
  }
}
