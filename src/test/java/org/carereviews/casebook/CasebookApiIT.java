package org.carereviews.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.carereviews.support.Api;
import org.carereviews.support.PostgresIntegrationTest;
import org.carereviews.support.TestTokens;
import org.carereviews.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The casebook API end to end on PostgreSQL: reads, writes, team scoping and bad input. */
@PostgresIntegrationTest
class CasebookApiIT {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired Teams teams;
  @Autowired CasebookService casebook;
  @Autowired JdbcTemplate jdbc;

  private Person northPerson;
  private Person southPerson;
  private CarePackage northPackage;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identity);
    Team north = teams.findByCode("NORTH").orElseGet(() -> teams.save(new Team("NORTH", "North")));
    Team south = teams.findByCode("SOUTH").orElseGet(() -> teams.save(new Team("SOUTH", "South")));
    northPerson =
        casebook.recordPerson(
            "Ada Demo-Ashby",
            LocalDate.of(1940, 5, 1),
            ClientGroup.OLDER_PEOPLE,
            north,
            Set.of(),
            Set.of(),
            "test");
    southPerson =
        casebook.recordPerson(
            "Bilal Demo-Birch",
            LocalDate.of(1990, 2, 3),
            ClientGroup.AUTISM,
            south,
            Set.of(),
            Set.of(),
            "test");
    northPackage = casebook.recordPackage(northPerson, terms("420.50", "20.50"), "initial", "test");
  }

  @Test
  void workerListsTheirTeamsPeopleWithPackages() {
    JsonNode page = get("sw.north", "/api/people?size=100", HttpStatus.OK);

    assertThat(page.get("content")).isNotEmpty();
    page.get("content")
        .forEach(person -> assertThat(person.at("/team/code").asText()).isEqualTo("NORTH"));
    JsonNode ada = find(page, northPerson.getId());
    assertThat(ada.at("/packages/0/netWeeklyCost").decimalValue()).isEqualByComparingTo("400.00");
    assertThat(ada.at("/packages/0/reference").asText()).startsWith("PKG-");
  }

  @Test
  void councilWideRoleSeesEveryTeamAndFiltersByTeam() {
    JsonNode south = get("director", "/api/people?team=SOUTH&size=100", HttpStatus.OK);
    assertThat(find(south, southPerson.getId())).isNotNull();
    south
        .get("content")
        .forEach(person -> assertThat(person.at("/team/code").asText()).isEqualTo("SOUTH"));
  }

  @Test
  void unknownFilterValueIsRefusedListingTheAllowedOnes() {
    JsonNode problem = get("sw.north", "/api/people?clientGroup=ELDERLY", HttpStatus.BAD_REQUEST);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("clientGroup");
    assertThat(problem.at("/errors/0/message").asText())
        .contains("OLDER_PEOPLE")
        .doesNotContain("org.carereviews");
  }

  @Test
  void anotherTeamsPersonIsForbidden() {
    JsonNode problem = get("sw.north", "/api/people/" + southPerson.getId(), HttpStatus.FORBIDDEN);
    assertThat(problem.get("status").asInt()).isEqualTo(403);
  }

  @Test
  void unknownPersonIsNotFoundProblem() {
    JsonNode problem = get("sw.north", "/api/people/987654321", HttpStatus.NOT_FOUND);
    assertThat(problem.get("detail").asText()).contains("987654321");
  }

  @Test
  void pageSizeOverTheMaximumIsRefusedNamingTheField() {
    JsonNode problem = get("sw.north", "/api/people?size=101", HttpStatus.BAD_REQUEST);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("size");
  }

  @Test
  void anonymousCallsAreRefused() {
    assertThat(rest.getForEntity("/api/people", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // Not a user the other tests sign in as: Camunda delays a user's next login after a wrong
    // password.
    assertThat(
            rest.withBasicAuth("auditor", "wrong")
                .getForEntity("/api/people", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aCorrectionAppendsAVersionAndKeepsTheOldOne() {
    JsonNode history =
        post(
            "sw.north",
            "/api/packages/" + northPackage.getId() + "/versions",
            packageJson("420.50", "20.50", "2023-06-30", null, "Provider's name as on the contract")
                .replace("Example Care Ltd", "Example Care Limited"),
            HttpStatus.CREATED);

    assertThat(history.at("/current/version").asInt()).isEqualTo(2);
    assertThat(history.at("/current/provider").asText()).isEqualTo("Example Care Limited");
    assertThat(history.at("/current/netWeeklyCost").decimalValue()).isEqualByComparingTo("400.00");
    assertThat(history.at("/versions/0/provider").asText()).isEqualTo("Example Care Ltd");
    assertThat(history.at("/versions/1/recordedBy").asText()).isEqualTo("sw.north");
    assertThat(versionCount()).isEqualTo(2);
  }

  @Test
  void aChangeOfCostOrEndDateIsRefusedHereAndGoesToThePanel() {
    String url = "/api/packages/" + northPackage.getId() + "/versions";

    JsonNode cheaper =
        post(
            "sw.north",
            url,
            packageJson("320.50", "20.50", "2023-06-30", null, "Reduced after review"),
            HttpStatus.BAD_REQUEST);
    assertThat(cheaper.at("/errors/0/field").asText()).isEqualTo("weeklyGrossCost");
    assertThat(cheaper.at("/errors/0/message").asText())
        .contains(
            northPackage.getReference(),
            "(GBP 400.00 to GBP 300.00) must go to the panel as a package request");
    JsonNode contribution =
        post(
            "sw.north",
            url,
            packageJson("420.50", "40.50", "2023-06-30", null, "Reassessed"),
            HttpStatus.BAD_REQUEST);
    assertThat(contribution.at("/errors/0/field").asText()).isEqualTo("assessedContribution");
    assertThat(contribution.at("/errors/0/message").asText()).contains("GBP 400.00 to GBP 380.00");
    JsonNode ended =
        post(
            "sw.north",
            url,
            packageJson("420.50", "20.50", "2023-06-30", "2026-12-31", "Moving away"),
            HttpStatus.BAD_REQUEST);
    assertThat(ended.at("/errors/0/field").asText()).isEqualTo("endDate");
    JsonNode earlier =
        post(
            "sw.north",
            url,
            packageJson("420.50", "20.50", "2022-01-01", null, "Typo"),
            HttpStatus.BAD_REQUEST);
    assertThat(earlier.at("/errors/0/field").asText()).isEqualTo("startDate");

    assertThat(versionCount()).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from cost_change where care_package_id = ?",
                Integer.class,
                northPackage.getId()))
        .isZero();
  }

  @Test
  void packageVersionsCannotBeUpdatedOrDeletedInTheDatabase() {
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "update care_package_version set net_weekly_cost = 0 where care_package_id = ?",
                    northPackage.getId()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "delete from care_package_version where care_package_id = ?",
                    northPackage.getId()))
        .hasMessageContaining("append-only");
  }

  @Test
  void badPackageInputIsRefusedNamingTheFieldAndWritesNothing() {
    String url = "/api/packages/" + northPackage.getId() + "/versions";
    assertThat(
            post(
                    "sw.north",
                    url,
                    packageJson("-1.00", "0", "2024-01-01", null, "r"),
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("weeklyGrossCost");
    assertThat(
            post(
                    "sw.north",
                    url,
                    packageJson("\"ten\"", "0", "2024-01-01", null, "r"),
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("weeklyGrossCost");
    assertThat(
            post(
                    "sw.north",
                    url,
                    packageJson("100.00", "0", "2024-01-01", "2023-01-01", "r"),
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("endDate");
    assertThat(
            post(
                    "sw.north",
                    url,
                    packageJson("100.00", "150.00", "2024-01-01", null, "r"),
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("assessedContribution");
    assertThat(
            post("sw.north", url, "{\"serviceType\":", HttpStatus.BAD_REQUEST)
                .get("title")
                .asText())
        .isEqualTo("Malformed request");
    assertThat(
            post(
                    "sw.north",
                    "/api/packages/987654321/versions",
                    packageJson("1.00", "0", "2024-01-01", null, "r"),
                    HttpStatus.NOT_FOUND)
                .get("status")
                .asInt())
        .isEqualTo(404);
    assertThat(
            post(
                    "sw.south",
                    url,
                    packageJson("1.00", "0", "2024-01-01", null, "r"),
                    HttpStatus.FORBIDDEN)
                .get("status")
                .asInt())
        .isEqualTo(403);

    assertThat(versionCount()).isEqualTo(1);
  }

  @Test
  void workerRecordsAPersonInTheirTeam() {
    String json =
        """
        {"displayName":"Cara Demo-Croft","dateOfBirth":"1950-01-01","clientGroup":"OLDER_PEOPLE","teamCode":"NORTH",
         "fundingFlags":["JOINT_FUNDED"]}""";
    JsonNode created = post("sw.north", "/api/people", json, HttpStatus.CREATED);
    assertThat(created.get("reference").asText()).matches("P-\\d{6}");
    assertThat(created.at("/fundingFlags/0").asText()).isEqualTo("JOINT_FUNDED");

    post("sw.north", "/api/people", json.replace("NORTH", "SOUTH"), HttpStatus.FORBIDDEN);
    JsonNode bad =
        post(
            "sw.north",
            "/api/people",
            json.replace("OLDER_PEOPLE", "ELDERLY"),
            HttpStatus.BAD_REQUEST);
    assertThat(bad.at("/errors/0/field").asText()).isEqualTo("clientGroup");
    assertThat(bad.at("/errors/0/message").asText())
        .contains("OLDER_PEOPLE", "LEARNING_DISABILITY", "'ELDERLY'");
  }

  @Test
  void anAdministratorRecordsTeamsAndCohortsThatPeopleThenJoin() {
    JsonNode team =
        post(
            "admin",
            "/api/teams",
            "{\"code\":\"EAST_2\",\"name\":\"East locality 2\"}",
            HttpStatus.CREATED);
    assertThat(team.get("code").asText()).isEqualTo("EAST_2");
    post(
        "admin",
        "/api/cohorts",
        "{\"code\":\"RESPITE-2031\",\"name\":\"Respite review 2031\"}",
        HttpStatus.CREATED);

    assertThat(get("board.member", "/api/teams", HttpStatus.OK).findValuesAsText("code"))
        .contains("EAST_2", "NORTH");
    assertThat(get("sw.north", "/api/cohorts", HttpStatus.OK).findValuesAsText("code"))
        .contains("RESPITE-2031");
    // The team's members are the Keycloak group team-east_2; North's manager may not record East's
    // people.
    TestTokens.addUser("sw.east2", java.util.List.of("social-worker", "team-east_2"));
    String eastPerson =
        """
        {"displayName": "Eve Demo-East", "dateOfBirth": "1950-01-01", "clientGroup": "OLDER_PEOPLE",
         "teamCode": "EAST_2", "cohortCodes": ["RESPITE-2031"]}""";
    post("tm.north", "/api/people", eastPerson, HttpStatus.FORBIDDEN);
    JsonNode person = post("sw.east2", "/api/people", eastPerson, HttpStatus.CREATED);
    assertThat(person.at("/team/code").asText()).isEqualTo("EAST_2");
    assertThat(person.get("cohorts").get(0).asText()).isEqualTo("RESPITE-2031");

    long teamsBefore = teams.count();
    JsonNode duplicate =
        post(
            "admin", "/api/teams", "{\"code\":\"EAST_2\",\"name\":\"Again\"}", HttpStatus.CONFLICT);
    assertThat(duplicate.get("detail").asText()).contains("already a team EAST_2");
    JsonNode bad =
        post(
            "admin", "/api/teams", "{\"code\":\"east two\",\"name\":\"\"}", HttpStatus.BAD_REQUEST);
    assertThat(bad.findValuesAsText("field")).containsExactlyInAnyOrder("code", "name");
    post("tm.north", "/api/teams", "{\"code\":\"WEST\",\"name\":\"West\"}", HttpStatus.FORBIDDEN);
    post(
        "admin",
        "/api/cohorts",
        "{\"code\":\"RESPITE-2031\",\"name\":\"Again\"}",
        HttpStatus.CONFLICT);
    assertThat(teams.count()).isEqualTo(teamsBefore);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where user_id = 'admin' and action = 'CREATE' "
                    + "and record_type = 'team' and record_id = 'EAST_2' and outcome = 'ALLOWED'",
                Integer.class))
        .isEqualTo(1);
  }

  private int versionCount() {
    return jdbc.queryForObject(
        "select count(*) from care_package_version where care_package_id = ?",
        Integer.class,
        northPackage.getId());
  }

  private static PackageTerms terms(String gross, String contribution) {
    return new PackageTerms(
        ServiceType.HOME_CARE,
        "Example Care Ltd",
        org.carereviews.common.Money.of(gross),
        org.carereviews.common.Money.of(contribution),
        BigDecimal.ZERO,
        LocalDate.of(2023, 6, 30),
        null,
        LocalDate.of(2026, 6, 30));
  }

  private static String packageJson(
      String gross, String contribution, String start, String end, String reason) {
    return """
        {"serviceType":"HOME_CARE","provider":"Example Care Ltd","weeklyGrossCost":%s,"assessedContribution":%s,
         "startDate":"%s",%s"reason":"%s"}"""
        .formatted(
            gross, contribution, start, end == null ? "" : "\"endDate\":\"" + end + "\",", reason);
  }

  private JsonNode find(JsonNode page, Long personId) {
    for (JsonNode person : page.get("content")) {
      if (person.get("id").asLong() == personId) {
        return person;
      }
    }
    return null;
  }

  private JsonNode get(String user, String url, HttpStatus expected) {
    return new Api(rest).get(user, url, expected);
  }

  private JsonNode post(String user, String url, String json, HttpStatus expected) {
    return new Api(rest).post(user, url, json, expected);
  }
}
