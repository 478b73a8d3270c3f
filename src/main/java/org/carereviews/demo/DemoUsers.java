package org.carereviews.demo;

import static org.carereviews.identity.Roles.ADMIN;
import static org.carereviews.identity.Roles.AUDITOR;
import static org.carereviews.identity.Roles.BOARD_MEMBER;
import static org.carereviews.identity.Roles.CTR_CHAIR;
import static org.carereviews.identity.Roles.CTR_CLINICIAN;
import static org.carereviews.identity.Roles.CTR_EXPERT;
import static org.carereviews.identity.Roles.DIRECTOR;
import static org.carereviews.identity.Roles.FINANCE_VALIDATOR;
import static org.carereviews.identity.Roles.HEAD_OF_FINANCE;
import static org.carereviews.identity.Roles.PANEL_ASC;
import static org.carereviews.identity.Roles.PANEL_COMMISSIONING;
import static org.carereviews.identity.Roles.PANEL_FINANCE;
import static org.carereviews.identity.Roles.SOCIAL_WORKER;
import static org.carereviews.identity.Roles.TEAM_MANAGER;

import java.util.List;
import org.carereviews.identity.Roles;

/** The demo users of the embedded default. Every one has the password {@value #PASSWORD}. */
public final class DemoUsers {

  /** The demo password. Only ever used by the embedded default. */
  public static final String PASSWORD = "demo";

  public record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  public static final List<DemoUser> ALL =
      List.of(
          new DemoUser(
              "sw.north",
              "Sam",
              "North (social worker)",
              List.of(SOCIAL_WORKER, Roles.teamGroup("NORTH"))),
          new DemoUser(
              "sw.south",
              "Sasha",
              "South (social worker)",
              List.of(SOCIAL_WORKER, Roles.teamGroup("SOUTH"))),
          new DemoUser(
              "tm.north",
              "Taylor",
              "North (team manager)",
              List.of(TEAM_MANAGER, Roles.teamGroup("NORTH"), Roles.managerGroup("NORTH"))),
          new DemoUser(
              "tm.south",
              "Toni",
              "South (team manager)",
              List.of(TEAM_MANAGER, Roles.teamGroup("SOUTH"), Roles.managerGroup("SOUTH"))),
          new DemoUser("panel.asc", "Alex", "Panel (ASC head of service)", List.of(PANEL_ASC)),
          new DemoUser(
              "panel.finance",
              "Frankie",
              "Panel (finance head of service)",
              List.of(PANEL_FINANCE)),
          new DemoUser(
              "panel.commissioning",
              "Charlie",
              "Panel (commissioning head of service)",
              List.of(PANEL_COMMISSIONING)),
          new DemoUser("fin.validator", "Val", "Finance (validator)", List.of(FINANCE_VALIDATOR)),
          new DemoUser("fin.head", "Harper", "Finance (head of finance)", List.of(HEAD_OF_FINANCE)),
          new DemoUser(
              "board.member", "Bailey", "Change and Efficiency Board", List.of(BOARD_MEMBER)),
          new DemoUser("ctr.chair", "Casey", "CTR (commissioner, chair)", List.of(CTR_CHAIR)),
          new DemoUser("ctr.clinician", "Morgan", "CTR (clinical expert)", List.of(CTR_CLINICIAN)),
          new DemoUser("ctr.expert", "Jordan", "CTR (expert by experience)", List.of(CTR_EXPERT)),
          new DemoUser("director", "Dana", "Director of Adult Social Care", List.of(DIRECTOR)),
          new DemoUser("auditor", "Avery", "Auditor", List.of(AUDITOR)),
          new DemoUser("admin", "Ari", "Administrator", List.of(ADMIN)));

  private DemoUsers() {}
}
