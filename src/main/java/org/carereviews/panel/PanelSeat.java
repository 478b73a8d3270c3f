package org.carereviews.panel;

import org.carereviews.identity.Roles;

/** The three seats of a quorate panel, each held by a member of its group. */
public enum PanelSeat {
  ASC(Roles.PANEL_ASC),
  FINANCE(Roles.PANEL_FINANCE),
  COMMISSIONING(Roles.PANEL_COMMISSIONING);

  private final String group;

  PanelSeat(String group) {
    this.group = group;
  }

  /** The Camunda group whose members may take this seat. */
  public String group() {
    return group;
  }
}
