package org.carereviews.savings;

/**
 * Published by the ledger, inside its transaction, when it records a saving (a cashable saving or a
 * cost avoidance; growth is not validated as a saving) that is now identified: from a process, an
 * import or by hand. The validation capability starts finance's validation from it just before the
 * transaction commits, so an import that fails leaves no validation behind.
 *
 * @param costChangeId the change entry that carries the saving's status
 */
public record SavingIdentified(CostChangeId costChangeId) {}
