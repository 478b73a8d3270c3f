package org.carereviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * The capability modules and their named interfaces, checked by the build: no cycles between
 * modules, and a module reaches into another only through its API (the top-level package's public
 * types) or a named interface. The module table in {@code docs/architecture.md} is checked against
 * the same model, so the document cannot drift from the code.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(CareReviewsApplication.class);

  static final String START =
      "<!-- modules:start (checked by ModularityTests; regenerate with -Dmodules.write=true) -->";
  static final String END = "<!-- modules:end -->";

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void theArchitectureDocumentListsTheModulesAsTheyAre() throws IOException {
    String document = Files.readString(Path.of("docs/architecture.md"));
    int start = document.indexOf(START);
    int end = document.indexOf(END);
    assertThat(start).as("docs/architecture.md has the module table markers").isNotNegative();
    assertThat(end).isGreaterThan(start);
    if (Boolean.getBoolean("modules.write")) {
      // ./mvnw test -Dtest=ModularityTests -Dmodules.write=true rewrites the table from the model.
      document =
          document.substring(0, start + START.length())
              + "\n"
              + table()
              + "\n"
              + document.substring(end);
      Files.writeString(Path.of("docs/architecture.md"), document);
      end = document.indexOf(END);
    }
    String documented = document.substring(start + START.length(), end).strip();
    assertThat(documented)
        .as("docs/architecture.md's module table; replace it with:%n%s%n", table())
        .isEqualTo(table());
  }

  /** One row a module: its base package, the modules it depends on, and its named interfaces. */
  static String table() {
    StringBuilder table =
        new StringBuilder("| module | depends on | named interfaces |\n| --- | --- | --- |\n");
    MODULES.stream()
        .sorted((a, b) -> a.getIdentifier().toString().compareTo(b.getIdentifier().toString()))
        .forEach(
            module ->
                table
                    .append("| `")
                    .append(module.getBasePackage().getName())
                    .append("` | ")
                    .append(dependencies(module))
                    .append(" | ")
                    .append(namedInterfaces(module))
                    .append(" |\n"));
    return table.toString().strip();
  }

  private static String dependencies(ApplicationModule module) {
    String names =
        module.getDependencies(MODULES).stream()
            .map(ApplicationModuleDependency::getTargetModule)
            .map(target -> target.getIdentifier().toString())
            .distinct()
            .sorted()
            .map(name -> "`" + name + "`")
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "-" : names;
  }

  private static String namedInterfaces(ApplicationModule module) {
    String names =
        module.getNamedInterfaces().stream()
            .filter(named -> !named.isUnnamed())
            .map(NamedInterface::getName)
            .sorted()
            .map(name -> "`" + name + "`")
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "-" : names;
  }
}
