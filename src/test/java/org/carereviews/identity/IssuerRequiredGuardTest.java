package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carereviews.CareReviewsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class IssuerRequiredGuardTest {

  @Test
  void postgresProfileWithoutAnIssuerIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(CareReviewsApplication.class)
                    .profiles("postgres")
                    .run("--care-reviews.security.issuer-uri="))
        .hasMessageContaining("needs care-reviews.security.issuer-uri");
  }

  @Test
  void postgresProfileWithoutTheWebappsAndIdentityClientsIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(CareReviewsApplication.class)
                    .profiles("postgres")
                    .run(
                        "--care-reviews.security.issuer-uri=https://keycloak.example/realms/care-reviews",
                        "--care-reviews.security.keycloak.webapps-client-secret=s3cret",
                        "--care-reviews.security.keycloak.identity-client-secret="))
        .hasMessageContaining("needs care-reviews.security.keycloak.identity-client-secret")
        .hasMessageNotContaining("webapps-client-secret (");
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(CareReviewsApplication.class)
                    .profiles("postgres")
                    .run(
                        "--care-reviews.security.issuer-uri=https://keycloak.example/realms/care-reviews"))
        .hasMessageContaining("webapps-client-secret")
        .hasMessageContaining("identity-client-secret");
  }
}
