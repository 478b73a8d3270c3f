package org.carereviews.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A real Keycloak for the integration tests: the distribution Maven unpacked into {@code
 * target/keycloak} (org.keycloak:keycloak-quarkus-dist, from Maven Central, kept in the local
 * repository), started once per test JVM in development mode on a JDK 21 or newer, with the repo's
 * realm {@code keycloak/care-reviews-realm.json} imported. As an initializer it points the
 * service's issuer at it and gives it the webapps' and the identity client's secrets (so Camunda's
 * webapps sign in through it and Camunda's identity reads its users and groups); as a condition it
 * runs the test only where Keycloak can run:
 *
 * <ul>
 *   <li>skipped, saying so, when {@code -Dcare-reviews.keycloak-test=skip} (explicitly disabled);
 *   <li>skipped, saying why, on a machine without a JDK 21+ (Keycloak 26 needs one): it looks at
 *       {@code KEYCLOAK_JAVA_HOME}, the running JVM and {@code /usr/lib/jvm/*};
 *   <li>failed, never skipped, when the distribution is missing or Keycloak does not come up.
 * </ul>
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RealKeycloak
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, ExecutionCondition {

  public static final String REALM = "care-reviews";
  public static final String CLIENT = "care-reviews-demo-cli";
  static final String SWITCH = "care-reviews.keycloak-test";
  static final Path DIST_PARENT = Path.of("target", "keycloak");
  static final Path REALM_FILE = Path.of("keycloak", "care-reviews-realm.json");
  static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  /** The service's client secrets, given to Keycloak's realm import and to the service alike. */
  static final String WEBAPPS_SECRET = java.util.UUID.randomUUID().toString();

  static final String IDENTITY_SECRET = java.util.UUID.randomUUID().toString();

  /**
   * The service's port, fixed before Keycloak starts so that the realm lets the webapps' sign-in
   * return there.
   */
  public static final int SERVICE_PORT = freePortUnchecked();

  private static String baseUrl;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("skip".equalsIgnoreCase(System.getProperty(SWITCH, ""))) {
      return ConditionEvaluationResult.disabled(
          "the real Keycloak test is explicitly disabled (-D" + SWITCH + "=skip)");
    }
    if (javaHome().isEmpty()) {
      return ConditionEvaluationResult.disabled(
          "no JDK 21 or newer on this machine (looked at KEYCLOAK_JAVA_HOME, "
              + "the running JVM and /usr/lib/jvm/*): Keycloak 26 needs one, so the real Keycloak test cannot run");
    }
    return ConditionEvaluationResult.enabled("a JDK 21+ is at " + javaHome().get());
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "care-reviews.security.issuer-uri=" + issuer(),
            "server.port=" + SERVICE_PORT,
            "care-reviews.security.keycloak.webapps-client-secret=" + WEBAPPS_SECRET,
            "care-reviews.security.keycloak.identity-client-secret=" + IDENTITY_SECRET,
            // As production must: the webapps and Camunda's identity through Keycloak. The realm is
            // the demo
            // realm, with its demo users, which a production start refuses unless told otherwise.
            "care-reviews.security.keycloak.required=true",
            "care-reviews.security.keycloak.demo-users-allowed=true")
        .applyTo(context.getEnvironment());
  }

  public static synchronized String baseUrl() {
    if (baseUrl == null) {
      baseUrl = start();
    }
    return baseUrl;
  }

  public static String issuer() {
    return baseUrl() + "/realms/" + REALM;
  }

  /** A token for a demo user by the password grant of the demo client. */
  public static HttpResponse<String> token(String user, String password) {
    String form =
        "grant_type=password&client_id=" + CLIENT + "&username=" + user + "&password=" + password;
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String start() {
    Path home = distribution();
    Path javaHome = javaHome().orElseThrow();
    try {
      Path importDir = Files.createDirectories(home.resolve("data").resolve("import"));
      Files.copy(
          REALM_FILE,
          importDir.resolve(REALM_FILE.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      deleteTree(home.resolve("data").resolve("h2"));
      int port = freePort();
      Path log = DIST_PARENT.resolve("keycloak.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  home.resolve("bin").resolve("kc.sh").toString(),
                  "start-dev",
                  "--import-realm",
                  "--http-host=127.0.0.1",
                  "--http-port=" + port,
                  "--hostname-strict=false",
                  "--health-enabled=false")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", javaHome.toString());
      // The realm file's client secret placeholders.
      builder.environment().put("CARE_REVIEWS_WEBAPPS_CLIENT_SECRET", WEBAPPS_SECRET);
      builder.environment().put("CARE_REVIEWS_IDENTITY_CLIENT_SECRET", IDENTITY_SECRET);
      builder.environment().put("CARE_REVIEWS_WEBAPPS_URL", "http://localhost:" + SERVICE_PORT);
      builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
      // Keycloak's thread pool resets thread locals by reflection, which Java 24+ allows only when
      // asked.
      builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
      Process process = builder.start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                  }));
      String url = "http://127.0.0.1:" + port;
      waitUntilUp(process, url, log);
      return url;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void waitUntilUp(Process process, String url, Path log) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest discovery =
        HttpRequest.newBuilder(
                URI.create(url + "/realms/" + REALM + "/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      org.awaitility.Awaitility.await("Keycloak answering at " + url)
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "Keycloak stopped while starting; see " + log.toAbsolutePath());
                }
                return client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode()
                    == 200;
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new IllegalStateException(
          "Keycloak did not start within " + START_TIMEOUT + "; see " + log.toAbsolutePath(), e);
    }
  }

  private static Path distribution() {
    try (Stream<Path> entries =
        Files.exists(DIST_PARENT) ? Files.list(DIST_PARENT) : Stream.empty()) {
      return entries
          .filter(
              p ->
                  p.getFileName().toString().startsWith("keycloak-")
                      && Files.isRegularFile(p.resolve("bin").resolve("kc.sh")))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no Keycloak distribution under "
                          + DIST_PARENT.toAbsolutePath()
                          + ": Maven unpacks org.keycloak:keycloak-quarkus-dist there before the integration tests"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<Path> javaHome() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getenv("KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    candidates.add(Path.of(System.getProperty("java.home")));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> installed = Files.list(jvms)) {
        installed.sorted().forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.stream().filter(RealKeycloak::isJdk21OrNewer).findFirst();
  }

  private static boolean isJdk21OrNewer(Path home) {
    Path release = home.resolve("release");
    if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isReadable(release)) {
      return false;
    }
    try {
      return Files.readAllLines(release).stream()
          .filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
          .map(version -> Integer.parseInt(version.split("[.+-]")[0]))
          .anyMatch(major -> major >= 21);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static int freePortUnchecked() {
    try {
      return freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
