package org.carereviews;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The capability modules and their named interfaces, checked by the build: no cycles between
 * modules, and a module reaches into another only through its API (the top-level package's public
 * types) or a named interface.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(CareReviewsApplication.class);

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }
}
