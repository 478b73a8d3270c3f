package org.carereviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * {@code processes/README.md} and {@code forms/README.md} are the catalogue a newcomer reads: every
 * model, process, decision, user task and form is in them, and every form a model references
 * exists.
 */
class ModelCatalogueTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyModelProcessDecisionAndUserTaskIsCatalogued() throws IOException {
    String catalogue = Files.readString(Path.of("processes/README.md"));
    List<String> missing = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      check(catalogue, "`" + relative("processes", file) + "`", missing);
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        check(catalogue, "`" + process.getId() + "`", missing);
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        check(catalogue, "`" + task.getId() + "` (`" + task.getCamundaFormRef() + "`)", missing);
      }
    }
    for (Path file : files("processes", ".dmn")) {
      check(catalogue, "`" + relative("processes", file) + "`", missing);
      for (Decision decision :
          Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
        check(catalogue, "`" + decision.getId() + "`", missing);
      }
    }
    assertThat(missing).as("missing from processes/README.md").isEmpty();
  }

  @Test
  void everyFormIsCataloguedAndEveryReferencedFormExists() throws IOException {
    String catalogue = Files.readString(Path.of("forms/README.md"));
    List<String> formIds = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Path file : files("forms", ".form")) {
      JsonNode form = JSON.readTree(file.toFile());
      String id = form.get("id").asText();
      formIds.add(id);
      check(catalogue, "| `" + id + "` | `" + relative("forms", file) + "` |", missing);
    }
    assertThat(missing).as("missing from forms/README.md").isEmpty();

    List<String> referenced = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      model
          .getModelElementsByType(UserTask.class)
          .forEach(task -> referenced.add(task.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream()
          .map(StartEvent::getCamundaFormRef)
          .filter(ref -> ref != null)
          .forEach(referenced::add);
    }
    assertThat(formIds).as("forms referenced by the models").containsAll(referenced);
  }

  private static void check(String catalogue, String expected, List<String> missing) {
    if (!catalogue.contains(expected)) {
      missing.add(expected);
    }
  }

  private static List<Path> files(String root, String suffix) throws IOException {
    try (Stream<Path> found = Files.walk(Path.of(root))) {
      return found.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static String relative(String root, Path file) {
    return Path.of(root).relativize(file).toString().replace('\\', '/');
  }
}
