package org.carereviews.ctr;

/** The kind of inpatient setting, which sets how often reviews fall due. */
public enum HospitalSetting {
  NON_SECURE,
  SECURE,
  CHILDRENS
}
