package org.carereviews.casebook;

import org.springframework.modulith.NamedInterface;

/** Funding arrangements that change who pays and how a package is reviewed. */
@NamedInterface("casebook-service")
public enum FundingFlag {
  /** NHS Continuing Healthcare: the NHS funds the package. */
  NHS_CONTINUING_HEALTHCARE,
  /** Mental Health Act 1983 section 117 aftercare: free to the person, jointly commissioned. */
  S117_AFTERCARE,
  /** Funded jointly by the council and the NHS. */
  JOINT_FUNDED
}
