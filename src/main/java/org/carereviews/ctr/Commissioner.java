package org.carereviews.ctr;

/** Who commissions (pays for) an inpatient stay. */
public enum Commissioner {
  COUNCIL,
  NHS_INTEGRATED_CARE_BOARD,
  NHS_ENGLAND_SPECIALISED
}
