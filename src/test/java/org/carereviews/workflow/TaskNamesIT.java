package org.carereviews.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every task says whom it concerns and what is at stake (issue 14, item 6), on the embedded
 * default's demo tasks: the review's, person's and package's references and the due date; the
 * request's and person's references and the weekly change; the saving's package and person and its
 * weekly amount. And no demo person's name or date of birth reaches Camunda's task or variable
 * tables.
 */
@EmbeddedDefaultTest
class TaskNamesIT {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyDemoTaskIsNamedAfterItsReferencesAndWhatIsAtStake() {
    List<Task> open = tasks.createTaskQuery().list();
    assertThat(open)
        .extracting(Task::getTaskDefinitionKey)
        .contains(
            "Task_ConductReview",
            "Task_ValidateSaving",
            "Task_DecideAtPanel",
            "Task_DecideUnderDelegatedAuthority");
    Map<String, String> modelName = modelNames();
    List<String> wrong = new ArrayList<>();
    for (Task task : open) {
      String expected = expectedStart(task);
      String name = task.getName();
      boolean named =
          name.endsWith(modelName.get(task.getTaskDefinitionKey()))
              || name.contains(": " + modelName.get(task.getTaskDefinitionKey()) + ", ");
      if (!named
          || expected != null && !name.startsWith(expected)
          || !name.equals(task.getDescription())) {
        wrong.add(
            task.getTaskDefinitionKey() + ": '" + name + "' expected to start '" + expected + "'");
      }
    }
    assertThat(wrong).as("tasks not named after whom they concern").isEmpty();
  }

  @Test
  void aReviewTaskNamesTheReviewThePersonThePackageAndTheDueDate() {
    Map<String, Object> review =
        jdbc.queryForMap(
            "select r.reference, r.due_date, p.reference person, k.reference pack,"
                + " t.name_ from care_review r join person p on p.id = r.person_id join care_package k on k.id = r.care_package_id"
                + " join act_ru_task t on t.proc_inst_id_ = r.process_instance_id where t.task_def_key_ = 'Task_ConductReview'"
                + " fetch first 1 rows only");
    assertThat((String) review.get("NAME_"))
        .matches(
            review.get("REFERENCE")
                + " "
                + review.get("PERSON")
                + " "
                + review.get("PACK")
                + ": Carry out review and record outcome, due "
                + day(review.get("DUE_DATE"))
                + ", GBP [0-9,]+\\.[0-9]{2}/wk");
  }

  @Test
  void aSavingsValidationTaskNamesThePackageThePersonAndTheWeeklySaving() {
    Map<String, Object> saving =
        jdbc.queryForMap(
            "select k.reference pack, p.reference person, c.weekly_delta, t.name_"
                + " from act_ru_task t join act_ru_variable v on v.proc_inst_id_ = t.proc_inst_id_ and v.name_ = 'costChangeId'"
                + " join cost_change c on c.id = v.long_ join care_package k on k.id = c.care_package_id"
                + " join person p on p.id = c.person_id where t.task_def_key_ = 'Task_ValidateSaving' fetch first 1 rows only");
    BigDecimal weekly = (BigDecimal) saving.get("WEEKLY_DELTA");
    String amount =
        (weekly.signum() < 0 ? "-" : "+")
            + "GBP "
            + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK))
                .format(weekly.abs())
            + "/wk";
    assertThat((String) saving.get("NAME_"))
        .startsWith(saving.get("PACK") + " " + saving.get("PERSON"))
        .contains(": Validate saving, " + amount + " (");
  }

  @Test
  void aPanelTaskNamesTheRequestThePersonAndTheWeeklyChange() {
    Map<String, Object> request =
        jdbc.queryForMap(
            "select r.id, p.reference person, r.weekly_change, r.effective_date,"
                + " t.name_ from act_ru_task t join act_ru_variable v on v.proc_inst_id_ = t.proc_inst_id_"
                + " and v.name_ = 'panelRequestId' join package_request r on r.id = v.long_ join person p on p.id = r.person_id"
                + " where t.task_def_key_ = 'Task_DecideAtPanel' fetch first 1 rows only");
    BigDecimal weekly = (BigDecimal) request.get("WEEKLY_CHANGE");
    String amount =
        (weekly.signum() < 0 ? "-" : "+")
            + "GBP "
            + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK))
                .format(weekly.abs())
            + "/wk";
    assertThat((String) request.get("NAME_"))
        .startsWith(
            String.format(
                "REQ-%06d %s", ((Number) request.get("ID")).longValue(), request.get("PERSON")))
        .contains(": Decide at panel, " + amount + " from " + day(request.get("EFFECTIVE_DATE")));
  }

  @Test
  void noDemoPersonsNameOrDateOfBirthIsInCamundasTaskOrVariableTables() {
    List<String> names = jdbc.queryForList("select display_name from person", String.class);
    List<String> birthDates =
        jdbc.queryForList("select date_of_birth from person", LocalDate.class).stream()
            .flatMap(
                date ->
                    java.util.stream.Stream.of(
                        date.toString(),
                        date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        date.format(DAY)))
            .distinct()
            .toList();
    assertThat(names).hasSizeGreaterThan(2000);
    List<String> texts = new ArrayList<>();
    texts.addAll(
        jdbc.queryForList(
            "select coalesce(name_, '') || ' ' || coalesce(description_, '') from act_ru_task",
            String.class));
    texts.addAll(
        jdbc.queryForList(
            "select coalesce(name_, '') || ' ' || coalesce(description_, '') from act_hi_taskinst",
            String.class));
    texts.addAll(
        jdbc.queryForList(
            "select coalesce(name_, '') || ' ' || coalesce(text_, '') || ' ' || coalesce(text2_, '')"
                + " from act_ru_variable",
            String.class));
    texts.addAll(
        jdbc.queryForList(
            "select coalesce(name_, '') || ' ' || coalesce(text_, '') || ' ' || coalesce(text2_, '')"
                + " from act_hi_varinst",
            String.class));
    assertThat(texts).hasSizeGreaterThan(1000);
    List<String> found = new ArrayList<>();
    for (String text : texts) {
      names.stream()
          .filter(text::contains)
          .findFirst()
          .ifPresent(name -> found.add("name in '" + text + "'"));
      birthDates.stream()
          .filter(text::contains)
          .findFirst()
          .ifPresent(date -> found.add("date of birth in '" + text + "'"));
    }
    assertThat(found).as("personal data in the engine's tables").isEmpty();
  }

  private Map<String, String> modelNames() {
    Map<String, String> names = new HashMap<>();
    repository
        .createProcessDefinitionQuery()
        .latestVersion()
        .list()
        .forEach(
            definition ->
                repository
                    .getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(UserTask.class)
                    .forEach(task -> names.put(task.getId(), task.getName())));
    return names;
  }

  /**
   * The references a task's name starts with, from our tables; null for kinds checked by name only.
   */
  private String expectedStart(Task task) {
    return switch (task.getTaskDefinitionKey()) {
      case "Task_ConductReview",
          "Task_ChaseOverdueReview",
          "Task_ReadPanelDecline",
          "Task_Reassess" ->
          jdbc.queryForObject(
              "select r.reference || ' ' || p.reference || ' ' || k.reference from care_review r join person p"
                  + " on p.id = r.person_id join care_package k on k.id = r.care_package_id where r.process_instance_id = ?",
              String.class,
              task.getProcessInstanceId());
      case "Task_DecideAtPanel",
          "Task_DecideUnderDelegatedAuthority",
          "Task_ApproveUrgentStart",
          "Task_ReviewRetrospectively" ->
          jdbc.queryForObject(
              "select r.id, p.reference from act_ru_variable v"
                  + " join package_request r on r.id = v.long_ join person p on p.id = r.person_id"
                  + " where v.proc_inst_id_ = ? and v.name_ = 'panelRequestId'",
              (row, i) -> String.format("REQ-%06d %s", row.getLong(1), row.getString(2)),
              task.getProcessInstanceId());
      case "Task_ValidateSaving", "Task_SecondValidation", "Task_CorrectOrWithdraw" ->
          jdbc.queryForObject(
              "select k.reference || ' ' || p.reference from act_ru_variable v join cost_change c on c.id = v.long_"
                  + " join care_package k on k.id = c.care_package_id join person p on p.id = c.person_id"
                  + " where v.proc_inst_id_ = ? and v.name_ = 'costChangeId'",
              String.class,
              task.getProcessInstanceId());
      default -> null;
    };
  }

  private static String day(Object date) {
    LocalDate day = date instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) date;
    return DAY.format(day);
  }
}
