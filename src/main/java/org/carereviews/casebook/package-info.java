/**
 * The casebook: teams, cohorts, people, care packages and their append-only versions. Other
 * capabilities read and change it through the casebook service (named interface {@code
 * casebook-service}).
 */
@ApplicationModule(allowedDependencies = {})
package org.carereviews.casebook;

import org.springframework.modulith.ApplicationModule;
