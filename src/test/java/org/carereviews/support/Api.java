package org.carereviews.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Calls the API as one of the demo users, with a bearer token from {@link TestTokens}, and checks
 * the status.
 */
public final class Api {

  private final TestRestTemplate rest;

  public Api(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** The headers that sign a demo user in with a token. */
  public static HttpHeaders signedIn(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(TestTokens.forUser(user));
    return headers;
  }

  public ResponseEntity<JsonNode> call(
      String user, HttpMethod method, String url, MediaType type, Object body) {
    return call(user, method, url, type, body, JsonNode.class);
  }

  /**
   * The status of a call whatever the answer's content type (nobody signed in when user is null).
   */
  public HttpStatusCode status(
      String user, HttpMethod method, String url, MediaType type, Object body) {
    return call(user, method, url, type, body, byte[].class).getStatusCode();
  }

  private <T> ResponseEntity<T> call(
      String user, HttpMethod method, String url, MediaType type, Object body, Class<T> answer) {
    HttpHeaders headers = user == null ? new HttpHeaders() : signedIn(user);
    if (type != null) {
      headers.setContentType(type);
    }
    return rest.exchange(url, method, new HttpEntity<>(body, headers), answer);
  }

  public JsonNode get(String user, String url, HttpStatus expected) {
    ResponseEntity<JsonNode> response =
        rest.exchange(url, HttpMethod.GET, new HttpEntity<>(signedIn(user)), JsonNode.class);
    assertThat(response.getStatusCode())
        .as(url + " answered " + response.getBody())
        .isEqualTo(expected);
    return response.getBody();
  }

  public ResponseEntity<byte[]> download(String user, String url, HttpStatus expected) {
    ResponseEntity<byte[]> response =
        rest.exchange(url, HttpMethod.GET, new HttpEntity<>(signedIn(user)), byte[].class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(expected);
    return response;
  }

  public JsonNode post(String user, String url, String json, HttpStatus expected) {
    return post(user, url, MediaType.APPLICATION_JSON, json, expected);
  }

  public JsonNode put(String user, String url, String json, HttpStatus expected) {
    return send(HttpMethod.PUT, user, url, MediaType.APPLICATION_JSON, json, expected);
  }

  public JsonNode post(String user, String url, MediaType type, String body, HttpStatus expected) {
    return send(HttpMethod.POST, user, url, type, body, expected);
  }

  private JsonNode send(
      HttpMethod method,
      String user,
      String url,
      MediaType type,
      String body,
      HttpStatus expected) {
    ResponseEntity<JsonNode> response = call(user, method, url, type, body);
    assertThat(response.getStatusCode())
        .as(url + " " + body + " answered " + response.getBody())
        .isEqualTo(expected);
    return response.getBody();
  }
}
