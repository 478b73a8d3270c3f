package org.carereviews.review;

import java.time.LocalDate;
import org.carereviews.common.Money;
import org.carereviews.panel.ProposedPackage;

/**
 * An outcome that passed {@link OutcomeRules}: the form, the package's net weekly cost now, the
 * proposed package (null when the outcome has none; an ending proposes nothing and costs nothing
 * from its effective date) and where the process goes next.
 */
record ValidOutcome(
    OutcomeForm form,
    Money oldNetWeeklyCost,
    ProposedPackage proposed,
    LocalDate effectiveDate,
    Money newNetWeeklyCost,
    ReviewPath path) {}
