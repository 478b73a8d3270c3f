/**
 * Savings: lines and targets, the append-only ledger of cost changes and its roll-up, imports and
 * exports; {@code savings.validation} holds finance validation and the Change and Efficiency Board.
 * Other capabilities record cost changes through the ledger's surface (named interface {@code
 * ledger}).
 */
@ApplicationModule(allowedDependencies = {"casebook :: casebook-service"})
package org.carereviews.savings;

import org.springframework.modulith.ApplicationModule;
