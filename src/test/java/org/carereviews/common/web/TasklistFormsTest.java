package org.carereviews.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What Tasklist 7.24 can show. Its form-js (1.13) keeps an empty error entry for every field of a
 * dynamic list's rows once one is typed, and Tasklist greys out Complete while any entry exists: a
 * form with a dynamic list cannot be completed (issue 14, item 2).
 */
class TasklistFormsTest {

  @Test
  void noFormUsesADynamicList() throws IOException {
    try (Stream<Path> forms = Files.walk(Path.of("forms"))) {
      List<Path> withDynamicList =
          forms
              .filter(p -> p.toString().endsWith(".form"))
              .filter(p -> read(p).contains("\"dynamiclist\""))
              .toList();
      assertThat(withDynamicList).isEmpty();
    }
  }

  private static String read(Path form) {
    try {
      return Files.readString(form);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
