package org.carereviews.workspace.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Users work from the workspace: no Camunda form sends them to an API path (issue 18). */
class FormsPointAtNoApiTest {

  @Test
  void noFormPointsAUserAtAnApiPath() throws IOException {
    List<Path> forms;
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      forms = files.filter(f -> f.toString().endsWith(".form")).toList();
    }
    assertThat(forms).as("the Camunda forms").isNotEmpty();
    for (Path form : forms) {
      assertThat(Files.readString(form))
          .as(form.toString())
          .doesNotContain("/api/", "/engine-rest");
    }
  }
}
