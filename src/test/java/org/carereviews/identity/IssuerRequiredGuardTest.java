package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carereviews.CareReviewsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class IssuerRequiredGuardTest {

  @Test
  void postgresProfileWithoutAnIssuerIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(CareReviewsApplication.class)
        .profiles("postgres").run("--care-reviews.security.issuer-uri="))
        .hasMessageContaining("needs care-reviews.security.issuer-uri");
  }
}
