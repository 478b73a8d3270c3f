package org.carereviews.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the API as one of the demo users and checks the status. */
public final class Api {

  private final TestRestTemplate rest;

  public Api(TestRestTemplate rest) {
    this.rest = rest;
  }

  public JsonNode get(String user, String url, HttpStatus expected) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth(user, TestUsers.PASSWORD).getForEntity(url, JsonNode.class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(expected);
    return response.getBody();
  }

  public ResponseEntity<byte[]> download(String user, String url, HttpStatus expected) {
    ResponseEntity<byte[]> response = rest.withBasicAuth(user, TestUsers.PASSWORD).getForEntity(url, byte[].class);
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

  private JsonNode send(HttpMethod method, String user, String url, MediaType type, String body, HttpStatus expected) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    ResponseEntity<JsonNode> response = rest.withBasicAuth(user, TestUsers.PASSWORD)
        .exchange(url, method, new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(response.getStatusCode()).as(url + " " + body + " answered " + response.getBody()).isEqualTo(expected);
    return response.getBody();
  }
}
