package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.carereviews.casebook.CarePackage;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.Person;
import org.carereviews.casebook.ServiceType;
import org.carereviews.casebook.Team;
import org.carereviews.casebook.Teams;
import org.carereviews.common.Money;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint, for every role and for nobody signed in, against the table kept beside this test
 * (src/test/resources/security/authorization-matrix.csv). The endpoints come from Spring's own
 * mappings, so an endpoint added without a row fails here.
 */
@PostgresIntegrationTest
class AuthorizationMatrixIT {

  static final String MATRIX = "security/authorization-matrix.csv";
  static final String ANONYMOUS = "anonymous";
  static final long MISSING = 987_654_321L;

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired Teams teams;
  @Autowired CasebookService casebook;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private Person northPerson;
  private CarePackage northPackage;

  record Row(String method, String endpoint, String sample, Map<String, String> expected) {
    String key() {
      return method + " " + endpoint;
    }
  }

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identity);
    Team north = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    teams.findByCode("SOUTH").orElseGet(() -> teams.save(new Team("SOUTH", "South")));
    northPerson = casebook.recordPerson("Matrix Demo-North", LocalDate.of(1950, 1, 1), ClientGroup.OLDER_PEOPLE,
        north, Set.of(), Set.of(), "test");
    northPackage = casebook.recordPackage(northPerson, new PackageTerms(ServiceType.HOME_CARE, "Matrix Care Ltd",
        Money.of("300.00"), Money.of("0.00"), java.math.BigDecimal.ZERO, LocalDate.of(2024, 4, 1), null,
        LocalDate.of(2030, 4, 1)), "initial", "test");
  }

  @Test
  void everyEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
    Set<String> mapped = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> {
      if (info.getPathPatternsCondition() == null) {
        return;
      }
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        if (pattern.startsWith("/api/") || pattern.equals("/api")) {
          info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method.name() + " " + pattern));
        }
      }
    });
    Set<String> inTable = new TreeSet<>(matrix().stream().map(Row::key).toList());

    assertThat(mapped).as("endpoints without a row in " + MATRIX).isSubsetOf(inTable);
    assertThat(inTable).as("rows of " + MATRIX + " without an endpoint").isSubsetOf(mapped);
  }

  @Test
  void everyRoleGetsWhatTheTableSays() throws IOException {
    List<String> wrong = new ArrayList<>();
    Api api = new Api(rest);
    for (Row row : matrix()) {
      String url = row.sample().replace("{person}", northPerson.getId().toString())
          .replace("{package}", northPackage.getId().toString())
          .replace("{missing}", Long.toString(MISSING));
      HttpMethod method = HttpMethod.valueOf(row.method());
      for (Map.Entry<String, String> cell : row.expected().entrySet()) {
        String user = ANONYMOUS.equals(cell.getKey()) ? null : cell.getKey();
        boolean write = method != HttpMethod.GET;
        int status = api.status(user, method, url, write ? MediaType.APPLICATION_JSON : null, write ? "{}" : null)
            .value();
        if (!matches(cell.getValue(), status)) {
          wrong.add(row.key() + " as " + cell.getKey() + ": expected " + cell.getValue() + ", got " + status);
        }
      }
    }
    assertThat(wrong).as("cells of " + MATRIX + " the service does not keep").isEmpty();
  }

  private static boolean matches(String expected, int status) {
    return switch (expected) {
      case "200" -> status >= 200 && status < 300;
      case "ok" -> status != 401 && status != 403 && status < 500;
      case "401", "403" -> status == Integer.parseInt(expected);
      default -> throw new IllegalArgumentException("unknown cell " + expected + " in " + MATRIX);
    };
  }

  static List<Row> matrix() throws IOException {
    List<String> lines;
    try (InputStream in = new ClassPathResource(MATRIX).getInputStream()) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
    List<String> header = Arrays.asList(lines.get(0).split(","));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(cells).as(line).hasSameSizeAs(header.toArray());
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = 3; i < cells.length; i++) {
        expected.put(header.get(i), cells[i].strip());
      }
      rows.add(new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(), expected));
    }
    return rows;
  }
}
