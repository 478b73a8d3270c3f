package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestClock;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint, for every role and for nobody signed in, against the table kept beside this
 * test (src/test/resources/security/authorization-matrix.csv): 2xx, 403 or 401, nothing else. Each
 * call gets a fresh record in the state its endpoint acts on and a valid body ({@link
 * MatrixFixtures}), so a role let through gets its work done and a role refused by the record's
 * rules (team, seat, CTR role, recorder) gets 403. The endpoints come from Spring's own mappings,
 * so an endpoint added without a row fails here.
 *
 * <p>The clock starts on a working day in 2030 and moves on as the fixtures need (a fresh day for
 * each panel meeting, a day for a CTR meeting to pass); the job executor and the schedulers are
 * off, so nothing but the calls and their fixtures changes anything.
 */
@PostgresIntegrationTest
@Import(AuthorizationMatrixIT.Clocks.class)
@TestPropertySource(
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "care-reviews.review.schedule=-",
      "care-reviews.ctr.schedule=-",
      "care-reviews.panel.scheduler-enabled=false",
      "care-reviews.savings.validation.board-scheduler-enabled=false"
    })
class AuthorizationMatrixIT {

  static final String MATRIX = "security/authorization-matrix.csv";
  static final String BODIES = "security/bodies/";
  static final String ANONYMOUS = "anonymous";
  static final int FIRST_CELL = 5;

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock(LocalDateTime.of(2030, 6, 3, 9, 0));
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ApplicationContext beans;
  @Autowired TestClock clock;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Row(
      String method,
      String endpoint,
      String sample,
      String body,
      List<String> given,
      Map<String, String> expected) {
    String key() {
      return method + " " + endpoint;
    }

    @Override
    public String toString() {
      return method + " " + sample;
    }
  }

  @Test
  void everyEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              if (info.getPathPatternsCondition() == null) {
                return;
              }
              for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.equals("/api")) {
                  info.getMethodsCondition()
                      .getMethods()
                      .forEach(method -> mapped.add(method.name() + " " + pattern));
                }
              }
            });
    Set<String> inTable = new TreeSet<>(matrix().stream().map(Row::key).toList());

    assertThat(mapped).as("endpoints without a row in " + MATRIX).isSubsetOf(inTable);
    assertThat(inTable).as("rows of " + MATRIX + " without an endpoint").isSubsetOf(mapped);
  }

  @Test
  void everyRoleGetsWhatTheTableSays() throws IOException {
    TestUsers.ensure(identity);
    Api api = new Api(rest);
    List<Row> rows = matrix();
    MatrixFixtures fixtures = new MatrixFixtures(api, beans, clock);
    for (Row row : rows) {
      fixtures.expect(row.sample(), body(row), row.given(), row.expected().size());
    }
    List<String> wrong = new ArrayList<>();
    for (Row row : rows) {
      String body = body(row);
      MediaType type =
          body == null
              ? null
              : row.body().endsWith(".csv")
                  ? MediaType.parseMediaType("text/csv")
                  : MediaType.APPLICATION_JSON;
      for (Map.Entry<String, String> cell : row.expected().entrySet()) {
        MatrixFixtures.Request request = fixtures.request(row.sample(), body, row.given());
        String user = ANONYMOUS.equals(cell.getKey()) ? null : cell.getKey();
        int status =
            api.status(user, HttpMethod.valueOf(row.method()), request.url(), type, request.body())
                .value();
        if (!matches(cell.getValue(), status)) {
          wrong.add(
              row + " as " + cell.getKey() + ": expected " + cell.getValue() + ", got " + status);
        }
      }
    }
    assertThat(wrong).as("cells of " + MATRIX + " the service does not keep").isEmpty();
  }

  private static boolean matches(String expected, int status) {
    return switch (expected) {
      case "200" -> status >= 200 && status < 300;
      case "401", "403" -> status == Integer.parseInt(expected);
      default ->
          throw new IllegalArgumentException(
              "unknown cell " + expected + " in " + MATRIX + ": a cell is 200, 403 or 401");
    };
  }

  static List<Row> matrix() throws IOException {
    List<String> lines =
        resource(MATRIX).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    List<String> header = Arrays.asList(lines.get(0).split(","));
    assertThat(header.subList(0, FIRST_CELL))
        .containsExactly("method", "endpoint", "sample", "body", "given");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(cells).as(line).hasSameSizeAs(header.toArray());
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = FIRST_CELL; i < cells.length; i++) {
        expected.put(header.get(i), cells[i].strip());
      }
      List<String> given = cells[4].isBlank() ? List.of() : List.of(cells[4].strip().split(" +"));
      rows.add(
          new Row(
              cells[0].strip(),
              cells[1].strip(),
              cells[2].strip(),
              cells[3].strip(),
              given,
              expected));
    }
    return rows;
  }

  private static String body(Row row) throws IOException {
    return row.body().isEmpty() ? null : resource(BODIES + row.body());
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
