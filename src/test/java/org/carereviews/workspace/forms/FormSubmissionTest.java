package org.carereviews.workspace.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;

class FormSubmissionTest {

  private final FormDefinition review = Forms.form("review-conduct");

  /** The fields review-conduct requires, answered. */
  private static MultiValueMap<String, String> answered(String... more) {
    MultiValueMap<String, String> posted =
        Forms.posted(
            "strengthsAndAssets",
            "Family nearby",
            "outcomesWanted",
            "Stay at home",
            "personViews",
            "Happy with the carers");
    MultiValueMap<String, String> extra = Forms.posted(more);
    extra.forEach((name, values) -> posted.put(name, values));
    return posted;
  }

  @Test
  void aReductionIsSubmittedAsCamundaFormsWouldWithMoneyAsItsFigureAndTheDateAsIso() {
    FormSubmission submission =
        review.submit(
            answered(
                "outcome",
                "REDUCE",
                "changeInNeed",
                "Walks again",
                "proposedServiceType",
                "HOME_CARE",
                "proposedProvider",
                "Acme Care",
                "proposedWeeklyGrossCost",
                "£1,412.5",
                "proposedContribution",
                "20",
                "proposedNhsSharePercent",
                "0",
                "effectiveDate-day",
                "1",
                "effectiveDate-month",
                "4",
                "effectiveDate-year",
                "2026",
                "conversationConnect",
                "true"),
            Map.of());

    assertThat(submission.accepted()).as(submission.errors().toString()).isTrue();
    Map<String, Object> variables = submission.variables();
    assertThat(variables)
        .containsEntry("outcome", "REDUCE")
        .containsEntry("proposedWeeklyGrossCost", "1412.5")
        .containsEntry("proposedContribution", "20")
        .containsEntry("effectiveDate", "2026-04-01")
        .containsEntry("conversationConnect", true)
        .containsEntry("conversationCrisis", false)
        .containsEntry("carerViews", "")
        .containsEntry("strengthsAndAssets", "Family nearby");
  }

  @Test
  void fieldsHiddenByTheirConditionAreNeitherCheckedNorSubmitted() {
    FormSubmission submission =
        review.submit(
            answered(
                "outcome",
                "NO_CHANGE",
                "proposedWeeklyGrossCost",
                "lots",
                "effectiveDate-day",
                "31",
                "effectiveDate-month",
                "2",
                "effectiveDate-year",
                "2026"),
            Map.of());

    assertThat(submission.accepted()).as(submission.errors().toString()).isTrue();
    assertThat(submission.variables())
        .containsEntry("outcome", "NO_CHANGE")
        .doesNotContainKeys(
            "proposedWeeklyGrossCost", "effectiveDate", "changeInNeed", "proposedServiceType");
  }

  @Test
  void requiredFieldsAreRefusedInFormOrderInPlainWords() {
    FormSubmission submission = review.submit(Forms.posted("personViews", "  "), Map.of());

    assertThat(submission.accepted()).isFalse();
    assertThat(submission.errors().all())
        .extracting(FormError::elementId, FormError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "strengthsAndAssets", "Enter the strengths and assets found"),
            org.assertj.core.groups.Tuple.tuple(
                "outcomesWanted", "Enter the outcomes the person wants"),
            org.assertj.core.groups.Tuple.tuple("personViews", "Enter the person's views"),
            org.assertj.core.groups.Tuple.tuple("outcome", "Select the outcome of the review"));
    assertThatThrownBy(submission::variables).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void moneyThatIsNotANumberIsRefusedWithAnExample() {
    FormSubmission submission =
        review.submit(
            answered("outcome", "INCREASE", "proposedWeeklyGrossCost", "about 400"), Map.of());

    assertThat(submission.errors().all())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.key()).isEqualTo("proposedWeeklyGrossCost");
              assertThat(error.href()).isEqualTo("#proposedWeeklyGrossCost");
              assertThat(error.message())
                  .isEqualTo("Weekly gross cost must be a number, like 412.50");
            });
  }

  @Test
  void numbersAreCheckedAgainstTheFormsDecimalsAndRange() {
    assertThat(
            message(
                review.submit(
                    answered("outcome", "INCREASE", "proposedWeeklyGrossCost", "412.505"),
                    Map.of())))
        .isEqualTo("Weekly gross cost must have no more than 2 decimal places");
    assertThat(
            message(
                review.submit(
                    answered("outcome", "INCREASE", "proposedWeeklyGrossCost", "-1"), Map.of())))
        .isEqualTo("Weekly gross cost must be £0 or more");
    assertThat(
            message(
                review.submit(
                    answered("outcome", "INCREASE", "proposedNhsSharePercent", "101"), Map.of())))
        .isEqualTo("NHS share must be between 0 and 100");
  }

  @Test
  void aNumberWithoutSerializeToStringIsSubmittedAsANumber() {
    FormDefinition plan = Forms.form("ctr-plan-discharge");
    MultiValueMap<String, String> posted =
        Forms.posted("weeklyGrossCost", "412.50", "nhsSharePercent", "50");
    plan.fields().stream()
        .filter(field -> field.validate().required() && !posted.containsKey(field.key()))
        .forEach(field -> fill(field, posted));

    FormSubmission submission = plan.submit(posted, Map.of());

    assertThat(submission.accepted()).as(submission.errors().toString()).isTrue();
    assertThat(submission.variables())
        .containsEntry("weeklyGrossCost", 412.5)
        .containsEntry("nhsSharePercent", 50L);
  }

  @Test
  void anIncompleteDateSaysWhatIsMissingAndLinksToIt() {
    FormSubmission submission =
        review.submit(
            answered("outcome", "END", "effectiveDate-day", "1", "effectiveDate-year", "2026"),
            Map.of());

    assertThat(submission.errors().all())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.elementId()).isEqualTo("effectiveDate-month");
              assertThat(error.message()).isEqualTo("Takes effect on must include a month");
            });
  }

  @Test
  void aDateThatDoesNotExistIsRefusedAsNotReal() {
    FormSubmission submission =
        review.submit(
            answered(
                "outcome",
                "END",
                "effectiveDate-day",
                "31",
                "effectiveDate-month",
                "2",
                "effectiveDate-year",
                "2026"),
            Map.of());

    assertThat(submission.errors().all())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.elementId()).isEqualTo("effectiveDate-day");
              assertThat(error.message()).isEqualTo("Takes effect on must be a real date");
            });
    assertThat(
            message(
                review.submit(
                    answered(
                        "outcome",
                        "END",
                        "effectiveDate-day",
                        "3",
                        "effectiveDate-month",
                        "Mar",
                        "effectiveDate-year",
                        "26"),
                    Map.of())))
        .isEqualTo("Takes effect on must have a year with 4 numbers, like 2026");
  }

  @Test
  void aMonthMayBeWrittenAsItsName() {
    FormSubmission submission =
        review.submit(
            answered(
                "outcome",
                "END",
                "effectiveDate-day",
                "3",
                "effectiveDate-month",
                "March",
                "effectiveDate-year",
                "2026"),
            Map.of());

    assertThat(submission.variables()).containsEntry("effectiveDate", "2026-03-03");
  }

  @Test
  void aDateAndTimeIsSubmittedWithoutATimeZone() {
    FormDefinition convene = Forms.form("ctr-convene-panel");
    MultiValueMap<String, String> posted =
        Forms.posted(
            "meetingAt-day",
            "4",
            "meetingAt-month",
            "5",
            "meetingAt-year",
            "2026",
            "meetingAt-time",
            "9:30");
    convene.fields().stream()
        .filter(field -> field.validate().required() && !field.key().equals("meetingAt"))
        .forEach(field -> fill(field, posted));

    FormSubmission submission = convene.submit(posted, Map.of());

    assertThat(submission.accepted()).as(submission.errors().toString()).isTrue();
    assertThat(submission.variables()).containsEntry("meetingAt", "2026-05-04T09:30");
    posted.set("meetingAt-time", "25:00");
    assertThat(message(convene.submit(posted, Map.of())))
        .isEqualTo("Meeting date must have a real time, like 14:30");
  }

  @Test
  void aTextThatBreaksTheFormsPatternIsRefused() {
    FormDefinition request = Forms.form("review-request");
    MultiValueMap<String, String> posted = Forms.posted("packageReference", "PKG-12");
    request.fields().stream()
        .filter(field -> field.validate().required() && !posted.containsKey(field.key()))
        .forEach(field -> fill(field, posted));

    assertThat(message(request.submit(posted, Map.of())))
        .isEqualTo(
            "Package reference must be in the right format (As on the package, e.g. PKG-000123)");
    posted.set("packageReference", " pkg-000123 ");
    assertThat(request.submit(posted, Map.of()).variables())
        .containsEntry("packageReference", "pkg-000123");
  }

  @Test
  void aRequiredCheckboxMustBeTicked() {
    FormDefinition declined = Forms.form("review-panel-declined");
    MultiValueMap<String, String> posted = Forms.posted();
    declined.fields().stream()
        .filter(field -> field.validate().required() && !field.key().equals("declineRead"))
        .forEach(field -> fill(field, posted));

    assertThat(message(declined.submit(posted, Map.of())))
        .isEqualTo("Select 'I have read the decision and will tell the person' to confirm it");
  }

  @Test
  void aChoiceNotOnTheListIsRefused() {
    assertThat(message(review.submit(answered("outcome", "CUT_EVERYTHING"), Map.of())))
        .isEqualTo("Select the outcome of the review from the list");
  }

  @Test
  void aRecommendationGroupIsSubmittedOnlyOnceThePreviousOneIsFilled() {
    FormDefinition meeting = Forms.form("ctr-record-meeting");
    MultiValueMap<String, String> posted =
        Forms.posted(
            "recommendation1Text",
            "Weekly OT visits",
            "recommendation1Owner",
            "ctr.clinician",
            "recommendation1DueDate-day",
            "1",
            "recommendation1DueDate-month",
            "6",
            "recommendation1DueDate-year",
            "2026",
            "recommendation3Text",
            "typed while hidden");
    meeting.fields().stream()
        .filter(field -> field.validate().required() && !posted.containsKey(field.key()))
        .forEach(field -> fill(field, posted));

    FormSubmission submission = meeting.submit(posted, Map.of());

    assertThat(submission.accepted()).as(submission.errors().toString()).isTrue();
    assertThat(submission.variables())
        .containsEntry("recommendation1DueDate", "2026-06-01")
        .containsEntry("recommendation2Text", "")
        .doesNotContainKeys("recommendation3Text", "recommendation3Owner");
  }

  @Test
  void aServerRefusalLandsOnTheFieldItNames() {
    FormSubmission accepted =
        review.submit(
            answered("outcome", "INCREASE", "proposedWeeklyGrossCost", "99999"), Map.of());

    FormSubmission refused =
        accepted.refused("proposedWeeklyGrossCost", "must be at most 15000.00 a week either way");

    assertThat(refused.accepted()).isFalse();
    assertThat(refused.errors().all())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.href()).isEqualTo("#proposedWeeklyGrossCost");
              assertThat(error.message())
                  .isEqualTo("Weekly gross cost must be at most 15000.00 a week either way");
            });
    assertThat(review.error("effectiveDate", "is required: a change needs a date").elementId())
        .isEqualTo("effectiveDate-day");
    FormError elsewhere =
        review.error("reviewRef", "A reduction must rest on a recorded change in need.");
    assertThat(elsewhere.elementId()).isNull();
    assertThat(elsewhere.message()).isEqualTo("A reduction must rest on a recorded change in need");
  }

  @Test
  void aChecklistIsSubmittedAsAJsonList() {
    FormDefinition form =
        Forms.parse(
            """
        {"schemaVersion": 16, "type": "default", "id": "t", "components": [
          {"type": "checklist", "id": "Field_days", "key": "days", "label": "Days of care",
           "validate": {"required": true},
           "values": [{"label": "Monday", "value": "MON"}, {"label": "Tuesday", "value": "TUE"}]}]}""");

    FormSubmission submission = form.submit(Forms.posted("days", "MON", "days", "TUE"), Map.of());

    JsonValue days = (JsonValue) submission.variables().get("days");
    assertThat(days.getValueSerialized()).isEqualTo("[\"MON\",\"TUE\"]");
    assertThat(message(form.submit(Forms.posted(), Map.of()))).isEqualTo("Select the days of care");
  }

  @Test
  void aReadOnlyFieldSubmitsTheCasesValueAndADisabledOneNothingWhateverIsPosted() {
    FormDefinition form =
        Forms.parse(
            """
        {"schemaVersion": 16, "type": "default", "id": "t", "components": [
          {"type": "textfield", "id": "Field_ref", "key": "reviewRef", "label": "Review", "readonly": true},
          {"type": "number", "id": "Field_cost", "key": "currentCost", "label": "Current cost", "disabled": true},
          {"type": "textfield", "id": "Field_note", "key": "note", "label": "Note", "defaultValue": "None"}]}""");

    FormSubmission submission =
        form.submit(
            Forms.posted("reviewRef", "REV-999", "currentCost", "1", "note", "Seen"),
            Map.of("reviewRef", "REV-000042", "currentCost", 400L));

    assertThat(submission.variables())
        .containsEntry("reviewRef", "REV-000042")
        .containsEntry("note", "Seen")
        .doesNotContainKey("currentCost");
  }

  private static String message(FormSubmission submission) {
    assertThat(submission.errors().all()).hasSize(1);
    return submission.errors().all().get(0).message();
  }

  /** Gives a required field some acceptable answer. */
  private static void fill(FormComponent field, MultiValueMap<String, String> posted) {
    switch (field.type()) {
      case SELECT, RADIO -> posted.set(field.key(), field.options().get(0).value());
      case CHECKBOX -> posted.set(field.key(), "true");
      case NUMBER -> posted.set(field.key(), "1");
      case DATETIME -> {
        posted.set(field.key() + "-day", "2");
        posted.set(field.key() + "-month", "3");
        posted.set(field.key() + "-year", "2026");
        posted.set(field.key() + "-time", "10:00");
      }
      default -> posted.set(field.key(), "Some text");
    }
  }
}
