/**
 * Care and Treatment Reviews: the dynamic support register, inpatient episodes, the schedule,
 * reviews, recommendations as actions, and discharge packages to the panel (through its package
 * requests, their cost recorded in the savings ledger).
 */
@ApplicationModule(
    allowedDependencies = {
      "casebook",
      "casebook :: casebook-service",
      "panel :: package-requests",
      "savings :: ledger"
    })
package org.carereviews.ctr;

import org.springframework.modulith.ApplicationModule;
