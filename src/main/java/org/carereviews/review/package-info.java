/**
 * Care package reviews: the {@code CarePackageReview} process's delegates, review records, outcome
 * rules and start routes. A changed package goes to the panel through its package requests; the
 * cost change is recorded in the savings ledger.
 */
@ApplicationModule(
    allowedDependencies = {
      "casebook :: casebook-service",
      "panel :: package-requests",
      "savings :: ledger"
    })
package org.carereviews.review;

import org.springframework.modulith.ApplicationModule;
