package org.carereviews.workspace.forms;

/** One choice of a select, radio or checklist: what the user reads and what is submitted. */
public record FormOption(String label, String value) {}
