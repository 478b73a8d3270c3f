package org.carereviews.ctr;

/**
 * What falls due for a person on the register (the kinds the schedule table {@code CtrSchedule}
 * names).
 */
public enum ReviewKind {
  /** A CTR within weeks of an admission that no community review came before. */
  POST_ADMISSION,
  /** The regular CTR of an adult in hospital. */
  INPATIENT_CTR,
  /** The regular Care, Education and Treatment Review of someone under 18 in hospital. */
  CETR,
  /** A community CTR for someone at risk of admission (rated red). */
  COMMUNITY_CTR,
  /** A commissioner's oversight visit to someone placed in hospital out of area. */
  OVERSIGHT_VISIT;

  /** Whether this is a review held by a panel of three (everything but an oversight visit). */
  public boolean isPanelReview() {
    return this != OVERSIGHT_VISIT;
  }

  /** Whether this is a review of someone in hospital (it resets the in-hospital review cycle). */
  public boolean isHospitalReview() {
    return this == POST_ADMISSION || this == INPATIENT_CTR || this == CETR;
  }
}
