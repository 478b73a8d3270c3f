package org.carereviews;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Care Reviews: workflow and case management for adult social care departments.
 *
 * <p>Packages are capabilities ({@code casebook}, {@code savings}, {@code identity}, ...); see
 * {@code docs/architecture.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CareReviewsApplication {

  public static void main(String[] args) {
    SpringApplication.run(CareReviewsApplication.class, args);
  }
}
