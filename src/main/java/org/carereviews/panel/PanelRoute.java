package org.carereviews.panel;

/** Who decides a request, as DelegatedAuthority.dmn says. */
public enum PanelRoute {
  /** A team manager of the person's team under delegated authority. */
  TEAM_MANAGER,
  /** The daily spend-control panel. */
  PANEL,
  /** Starts at once on a team manager's approval; comes to panel retrospectively. */
  URGENT
}
