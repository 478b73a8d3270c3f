package org.carereviews.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Keycloak's users as its admin REST API gives them, read through the identity client's service
 * account (client credentials; realm-management role {@code view-users}). For checks Camunda's
 * identity service cannot make, such as which users carry an attribute.
 */
public class KeycloakDirectory {

  private final String tokenUri;
  private final String adminUri;
  private final String clientId;
  private final String clientSecret;
  private final RestClient http;

  KeycloakDirectory(String realmUri, String adminUri, String clientId, String clientSecret) {
    this.tokenUri = realmUri + "/protocol/openid-connect/token";
    this.adminUri = adminUri;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.http = RestClient.create();
  }

  /**
   * The usernames of the realm's users whose attribute {@code name} has the value {@code value}.
   */
  public List<String> usernamesWithAttribute(String name, String value) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", clientId);
    form.add("client_secret", clientSecret);
    JsonNode token =
        http.post()
            .uri(tokenUri)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .body(JsonNode.class);
    JsonNode users =
        http.get()
            .uri(
                adminUri + "/users?briefRepresentation=true&max=1000&q={query}", name + ":" + value)
            .header("Authorization", "Bearer " + token.get("access_token").asText())
            .retrieve()
            .body(JsonNode.class);
    List<String> usernames = new ArrayList<>();
    users.forEach(user -> usernames.add(user.get("username").asText()));
    return usernames;
  }
}
