package org.carereviews.ctr;

/**
 * Dynamic support register rating: risk of admission in the community, or blue when in hospital.
 */
public enum Rating {
  RED,
  AMBER,
  GREEN,
  /** In specialist hospital now; set on admission and left only on discharge. */
  BLUE
}
