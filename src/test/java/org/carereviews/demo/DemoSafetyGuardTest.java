package org.carereviews.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carereviews.CareReviewsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class DemoSafetyGuardTest {

  @Test
  void demoProfileWithPostgresProfileIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(CareReviewsApplication.class)
                    .profiles("demo", "postgres")
                    .run())
        .hasMessageContaining("'demo' profile")
        .hasMessageContaining("'postgres' profile");
  }

  @Test
  void demoDataWithPostgresProfileIsRefused() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(CareReviewsApplication.class)
                    .profiles("postgres")
                    .run("--care-reviews.demo.load-data=true"))
        .hasMessageContaining("care-reviews.demo.load-data=true is not allowed");
  }
}
