package org.carereviews.ctr;

/** Who commissions (pays for) an inpatient stay. */
public enum Commissioner {
  COUNCIL("The council"),
  NHS_INTEGRATED_CARE_BOARD("NHS integrated care board"),
  NHS_ENGLAND_SPECIALISED("NHS England specialised commissioning");

  private final String label;

  Commissioner(String label) {
    this.label = label;
  }

  /** The commissioner as pages write it ({@code NHS integrated care board}), never humanised. */
  public String label() {
    return label;
  }
}
