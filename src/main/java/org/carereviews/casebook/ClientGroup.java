package org.carereviews.casebook;

import org.springframework.modulith.NamedInterface;

/** The client groups councils report by. */
@NamedInterface("casebook-service")
public enum ClientGroup {
  OLDER_PEOPLE("Older People"),
  PHYSICAL_DISABILITY_SENSORY_IMPAIRMENT("Physical Disability and Sensory Impairment"),
  LEARNING_DISABILITY("Learning Disability"),
  MENTAL_HEALTH("Mental Health"),
  AUTISM("Autism");

  private final String label;

  ClientGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
