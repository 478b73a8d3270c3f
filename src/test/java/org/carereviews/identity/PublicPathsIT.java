package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What answers without sign-in (README, "Access"): the health probes, the API description, the
 * start page's redirect, and what Camunda's webapps need before sign-in. Every other path family
 * answers 401.
 */
@EmbeddedDefaultTest
class PublicPathsIT {

  /** Answered to anyone, with the status each answers anonymously. */
  static final Map<String, Integer> PUBLIC = new LinkedHashMap<>();

  static {
    PUBLIC.put("GET /", 302);
    PUBLIC.put("GET /actuator/health", 200);
    PUBLIC.put("GET /actuator/health/liveness", 200);
    PUBLIC.put("GET /actuator/health/readiness", 200);
    PUBLIC.put("GET /v3/api-docs", 200);
    PUBLIC.put("GET /swagger-ui.html", 302);
    PUBLIC.put("GET /swagger-ui/index.html", 200);
    PUBLIC.put("GET /camunda/", 302);
    PUBLIC.put("GET /camunda/app/tasklist/default/", 200);
    PUBLIC.put("GET /camunda/app/cockpit/default/", 200);
    PUBLIC.put("GET /camunda/app/admin/default/", 200);
    PUBLIC.put("GET /camunda/lib/deps.js", 200);
    PUBLIC.put("GET /camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js", 200);
    // The sign-in form asks for the engines' names before it sends the password.
    PUBLIC.put("GET /camunda/api/engine/engine/", 200);
    // Who is signed in: nobody.
    PUBLIC.put("GET /camunda/api/admin/auth/user/default", 404);
  }

  /**
   * One or more paths of every other family: each answers 401 to a caller who has not signed in.
   */
  static final List<String> SIGN_IN_FIRST =
      List.of(
          "GET /api/people",
          "GET /api/audit",
          "POST /api/reviews",
          "GET /engine-rest/engine",
          "GET /engine-rest/task",
          "POST /engine-rest/process-definition/key/x/start",
          "GET /camunda/api/engine/engine/default/task",
          "GET /camunda/api/engine/engine/default/process-definition",
          "GET /camunda/api/engine/engine/default/process-instance/x/variables",
          "GET /camunda/api/cockpit/plugin/base/default/process-instance",
          "POST /camunda/api/admin/setup/default/user/create",
          "GET /camunda/api/admin/plugin/adminPlugins/default/x",
          "GET /camunda/api/tasklist/plugin/x/default/y",
          "GET /camunda/api/welcome/default/x",
          "GET /actuator",
          "GET /actuator/info",
          "GET /actuator/env",
          "GET /actuator/beans",
          "GET /error",
          "GET /nothing",
          "GET /h2-console",
          "GET /login/oauth2/code/keycloak",
          "GET /oauth2/authorization/keycloak",
          "GET /v2/api-docs",
          "GET /webjars/x.js");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;

  @Test
  void thePublicPathsAnswerWithoutSignIn() throws Exception {
    Map<String, Integer> answered = new LinkedHashMap<>();
    for (String call : PUBLIC.keySet()) {
      answered.put(call, status(call, null));
    }
    assertThat(answered).isEqualTo(PUBLIC);
  }

  @Test
  void everyOtherPathFamilyAnswers401WithoutSignIn() throws Exception {
    Map<String, Integer> answered = new LinkedHashMap<>();
    for (String call : SIGN_IN_FIRST) {
      answered.put(call, status(call, null));
    }
    assertThat(answered).allSatisfy((call, status) -> assertThat(status).as(call).isEqualTo(401));
  }

  @Test
  void theActuatorBeyondHealthIsForAdministrators() throws Exception {
    assertThat(status("GET /actuator/info", "admin")).isEqualTo(200);
    assertThat(status("GET /actuator/info", "sw.north")).isEqualTo(403);
  }

  private int status(String call, String user) throws IOException, InterruptedException {
    String[] methodAndPath = call.split(" ", 2);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + methodAndPath[1]))
            .method(
                methodAndPath[0],
                methodAndPath[0].equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("{}")
                    : HttpRequest.BodyPublishers.noBody())
            .header("Content-Type", "application/json");
    if (user != null) {
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
