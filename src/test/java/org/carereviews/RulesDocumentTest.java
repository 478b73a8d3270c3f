package org.carereviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docs/rules.md} says where each rule a council may change is written. This keeps it true:
 * every file it names exists, every setting it names is in {@code application.yaml}, and every
 * element (a DMN rule or cell, a BPMN event, a Java method or constant) it names is in the file on
 * its line.
 */
class RulesDocumentTest {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern FILE = Pattern.compile("[\\w./-]+\\.(java|yaml|dmn|bpmn|md)");
  private static final Pattern SETTING = Pattern.compile("(care-reviews|server)\\.[a-z0-9.-]+");
  private static final Pattern SHORT_SETTING = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");
  private static final Pattern ELEMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(\\(.*\\))?");
  private static final Path JAVA = Path.of("src/main/java/org/carereviews");

  @Test
  void everyFileSettingAndElementNamedInTheRulesExists() throws IOException {
    Set<String> settings = settings();
    List<String> wrong = new ArrayList<>();
    int rules = 0;
    for (String line : Files.readAllLines(Path.of("docs/rules.md"))) {
      if (!line.startsWith("- ")) {
        continue;
      }
      rules++;
      List<String> tokens = new ArrayList<>();
      Matcher code = CODE.matcher(line);
      while (code.find()) {
        tokens.add(code.group(1));
      }
      List<Path> files = new ArrayList<>();
      for (String token : tokens) {
        if (FILE.matcher(token).matches()) {
          Path file = resolve(token);
          if (file == null) {
            wrong.add("no file " + token + " in: " + line);
          } else {
            files.add(file);
          }
        }
      }
      String lastSetting = null;
      for (String token : tokens) {
        if (FILE.matcher(token).matches()) {
          continue;
        }
        if (SETTING.matcher(token).matches()) {
          lastSetting = token;
          if (!settings.contains(token)) {
            wrong.add("no setting " + token + " in application.yaml: " + line);
          }
        } else if (SHORT_SETTING.matcher(token).matches() && lastSetting != null) {
          String sibling = lastSetting.substring(0, lastSetting.lastIndexOf('.') + 1) + token;
          if (!settings.contains(sibling)) {
            wrong.add("no setting " + sibling + " in application.yaml: " + line);
          }
        } else if (ELEMENT.matcher(token).matches() && !files.isEmpty() && !isYamlOnly(files)) {
          String name = token.replaceAll("\\(.*\\)$", "");
          if (!appearsIn(name, files)) {
            wrong.add(name + " is in none of " + files + ": " + line);
          }
        }
      }
    }
    assertThat(rules).as("rules listed").isGreaterThan(20);
    assertThat(wrong).as("docs/rules.md names what does not exist").isEmpty();
  }

  private static boolean isYamlOnly(List<Path> files) {
    return files.stream().allMatch(file -> file.toString().endsWith(".yaml"));
  }

  private static boolean appearsIn(String name, List<Path> files) throws IOException {
    for (Path file : files) {
      if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b")
          .matcher(Files.readString(file))
          .find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A path from the repository root, {@code application.yaml}, or a path below the capabilities'
   * package.
   */
  private static Path resolve(String token) throws IOException {
    if (token.equals("application.yaml")) {
      return Path.of("src/main/resources/application.yaml");
    }
    for (Path candidate : List.of(Path.of(token), JAVA.resolve(token))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    try (Stream<Path> found = Files.walk(JAVA)) {
      return found.filter(path -> path.toString().endsWith("/" + token)).findFirst().orElse(null);
    }
  }

  private static Set<String> settings() throws IOException {
    Set<String> keys = new HashSet<>();
    try (InputStream yaml = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
      flatten("", new Yaml().load(yaml), keys);
    }
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object node, Set<String> keys) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            String name = prefix.isEmpty() ? key.toString() : prefix + "." + key;
            keys.add(name);
            flatten(name, value, keys);
          });
    }
  }
}
