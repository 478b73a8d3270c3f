package org.carereviews.workspace.forms;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The repository's forms, read once as the service reads them, and helpers to post to them. */
final class Forms {

  static final FormDefinitions ALL = new FormDefinitions();

  private Forms() {}

  static FormDefinition form(String id) {
    return ALL.byId(id).orElseThrow(() -> new AssertionError("no form " + id));
  }

  /** A form from JSON text, e.g. one made up to test a refusal. */
  static FormDefinition parse(String json) {
    return new FormParser()
        .parse("test.form", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** Posted parameters from name, value pairs. */
  static MultiValueMap<String, String> posted(String... namesAndValues) {
    MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      posted.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return posted;
  }
}
