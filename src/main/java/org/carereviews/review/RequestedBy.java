package org.carereviews.review;

/** Who asked for a requested review. */
public enum RequestedBy {
  PERSON,
  CARER,
  PROVIDER,
  PROFESSIONAL
}
