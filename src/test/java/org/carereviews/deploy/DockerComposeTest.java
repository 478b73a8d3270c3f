package org.carereviews.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run on a machine without Docker, so its contract with the service is
 * checked here: every setting it gives the service is one the service reads (a misspelt variable
 * would be ignored silently), the production profile is on with every secret the production start
 * requires, and Keycloak imports the realm file kept in the repo with the placeholders it needs.
 */
class DockerComposeTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}");

  /** Read by Spring Boot itself rather than through a placeholder in application*.yaml. */
  private static final Set<String> SPRING_BOOT_OWN = Set.of("SPRING_PROFILES_ACTIVE");

  @Test
  void everySettingTheServiceIsGivenIsOneItReads() throws IOException {
    Set<String> read = new TreeSet<>();
    try (var files = Files.list(Path.of("src/main/resources"))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().matches("application.*\\.yaml")).toList()) {
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
        while (matcher.find()) {
          read.add(matcher.group(1));
        }
      }
    }
    Map<String, Object> service = environmentOf("care-reviews");

    assertThat(service.keySet())
        .allSatisfy(
            variable ->
                assertThat(read.contains(variable) || SPRING_BOOT_OWN.contains(variable))
                    .as(variable + " is read by no application*.yaml")
                    .isTrue());
    assertThat(service)
        .containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
        .containsKeys(
            "CARE_REVIEWS_ISSUER_URI",
            "CARE_REVIEWS_WEBAPPS_CLIENT_SECRET",
            "CARE_REVIEWS_IDENTITY_CLIENT_SECRET",
            "DATABASE_URL",
            "DATABASE_PASSWORD")
        .doesNotContainKey("CARE_REVIEWS_KEYCLOAK_REQUIRED");
  }

  @Test
  void keycloakImportsTheRealmKeptInTheRepoWithItsPlaceholders() throws IOException {
    Map<String, Object> keycloak = service("keycloak");
    assertThat(keycloak.get("command").toString()).contains("--import-realm");
    assertThat(keycloak.get("volumes").toString()).contains("./keycloak:/opt/keycloak/data/import");

    String realm = Files.readString(Path.of("keycloak/care-reviews-realm.json"));
    Set<String> needed = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(realm);
    while (matcher.find()) {
      needed.add(matcher.group(1));
    }
    assertThat(needed).isNotEmpty();
    assertThat(environmentOf("keycloak")).containsKeys(needed.toArray(String[]::new));
    // The service and Keycloak are given the same client secrets.
    assertThat(environmentOf("keycloak").get("CARE_REVIEWS_WEBAPPS_CLIENT_SECRET"))
        .isEqualTo(environmentOf("care-reviews").get("CARE_REVIEWS_WEBAPPS_CLIENT_SECRET"));
    assertThat(environmentOf("keycloak").get("CARE_REVIEWS_IDENTITY_CLIENT_SECRET"))
        .isEqualTo(environmentOf("care-reviews").get("CARE_REVIEWS_IDENTITY_CLIENT_SECRET"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
    return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environmentOf(String name) throws IOException {
    return (Map<String, Object>) service(name).get("environment");
  }
}
