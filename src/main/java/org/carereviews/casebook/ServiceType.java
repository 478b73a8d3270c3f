package org.carereviews.casebook;

import org.springframework.modulith.NamedInterface;

/** The kinds of package of care. */
@NamedInterface("casebook-service")
public enum ServiceType {
  HOME_CARE("Home care"),
  RESIDENTIAL("Residential care"),
  NURSING("Nursing care"),
  SUPPORTED_LIVING("Supported living"),
  DAY_SERVICES("Day services"),
  DIRECT_PAYMENT("Direct payment"),
  SHARED_LIVES("Shared lives"),
  RESPITE("Respite"),
  EXTRA_CARE("Extra care"),
  TRANSPORT("Transport");

  private final String label;

  ServiceType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
