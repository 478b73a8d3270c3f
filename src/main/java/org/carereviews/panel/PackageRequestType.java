package org.carereviews.panel;

import org.springframework.modulith.NamedInterface;

/** What a package request is for. Urgent starts are any of these with an {@link UrgentReason}. */
@NamedInterface("package-requests")
public enum PackageRequestType {
  /** A new package after an assessment. */
  NEW_PACKAGE,
  /** A change to an existing package, usually from a care package review. */
  PACKAGE_CHANGE,
  /**
   * A community package for someone leaving specialist hospital after a Care and Treatment Review.
   */
  CTR_DISCHARGE
}
