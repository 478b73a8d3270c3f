package org.carereviews;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Care Reviews: workflow and case management for adult social care departments.
 *
 * <p>Packages are capabilities ({@code casebook}, {@code savings}, {@code identity}, ...); see
 * {@code docs/architecture.md}. {@code common}, {@code identity}, {@code audit} and {@code
 * workflow} serve every capability (shared modules); a capability names the other capabilities it
 * may use, and through which named interface, in its {@code package-info.java}; {@code
 * ModularityTests} checks both.
 */
@SpringBootApplication
@Modulithic(sharedModules = {"common", "identity", "audit", "workflow"})
@ConfigurationPropertiesScan
public class CareReviewsApplication {

  public static void main(String[] args) {
    SpringApplication.run(CareReviewsApplication.class, args);
  }
}
