package org.carereviews.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Group ids become roles and teams; a role whose id starts with "team-" is still a role. */
class CareUserTest {

  @Test
  void theTeamManagerRoleIsNotATeam() {
    CareUser manager = CareUser.fromGroups("tm.north", List.of(Roles.TEAM_MANAGER, "team-north"));
    assertThat(manager.roles()).containsExactly(Roles.TEAM_MANAGER);
    assertThat(manager.teamCodes()).containsExactly("NORTH");
    assertThat(manager.canWriteTeam("NORTH")).isTrue();
    assertThat(manager.canWriteTeam("SOUTH")).isFalse();
    assertThat(Roles.isTeamGroup(Roles.TEAM_MANAGER)).isFalse();
    assertThat(Roles.isTeamGroup("team-south")).isTrue();
  }

  @Test
  void aTeamsManagersGroupIsNeitherATeamNorReadAccessAndTravelsToCamunda() {
    CareUser manager =
        CareUser.fromGroups(
            "tm.north", List.of(Roles.TEAM_MANAGER, "team-north", "team-north-manager"));
    assertThat(Roles.managerGroup("NORTH")).isEqualTo("team-north-manager");
    assertThat(Roles.isManagerGroup("team-north-manager")).isTrue();
    assertThat(Roles.isManagerGroup(Roles.TEAM_MANAGER)).isFalse();
    assertThat(manager.teamCodes()).containsExactly("NORTH");
    assertThat(manager.groupIds()).contains("team-north-manager");
    CareUser onlyManagersGroup = CareUser.fromGroups("x", List.of("team-south-manager"));
    assertThat(onlyManagersGroup.canReadTeam("SOUTH")).isFalse();
  }

  @Test
  void groupIdsRoundTrip() {
    CareUser worker = CareUser.fromGroups("sw.south", List.of(Roles.SOCIAL_WORKER, "team-south"));
    assertThat(worker.groupIds()).containsExactlyInAnyOrder(Roles.SOCIAL_WORKER, "team-south");
  }
}
