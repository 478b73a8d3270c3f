package org.carereviews.casebook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.carereviews.casebook.TeamsAndCohorts.Reference;
import org.carereviews.common.web.InputText;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Casebook",
    description = "People, their care packages and the packages' version history")
@RestController
@RequestMapping("/api")
class TeamsAndCohortsController {

  /** A team: code as in its Keycloak group {@code team-<code>}, e.g. NORTH for team-north. */
  record NewTeam(
      @NotBlank
          @Pattern(
              regexp = "[A-Z0-9_]{1,40}",
              message = "must be 1 to 40 capital letters, digits or _")
          String code,
      @NotBlank
          @Size(max = 120)
          @Pattern(regexp = InputText.SINGLE_LINE, message = InputText.NAME_MESSAGE)
          String name) {}

  record NewCohort(
      @NotBlank
          @Pattern(
              regexp = "[A-Z0-9_-]{1,60}",
              message = "must be 1 to 60 capital letters, digits, - or _")
          String code,
      @NotBlank
          @Size(max = 200)
          @Pattern(regexp = InputText.SINGLE_LINE, message = InputText.NAME_MESSAGE)
          String name) {}

  private final TeamsAndCohorts teamsAndCohorts;

  TeamsAndCohortsController(TeamsAndCohorts teamsAndCohorts) {
    this.teamsAndCohorts = teamsAndCohorts;
  }

  @Operation(summary = "Locality teams")
  @GetMapping("/teams")
  List<Reference> teams() {
    return teamsAndCohorts.teams();
  }

  @Operation(summary = "Record a locality team (administrators)")
  @PostMapping("/teams")
  @ResponseStatus(HttpStatus.CREATED)
  Reference recordTeam(@Valid @RequestBody NewTeam team) {
    return teamsAndCohorts.recordTeam(team.code(), team.name());
  }

  @Operation(summary = "Cohorts a review programme targets")
  @GetMapping("/cohorts")
  List<Reference> cohorts() {
    return teamsAndCohorts.cohorts();
  }

  @Operation(summary = "Record a cohort (administrators)")
  @PostMapping("/cohorts")
  @ResponseStatus(HttpStatus.CREATED)
  Reference recordCohort(@Valid @RequestBody NewCohort cohort) {
    return teamsAndCohorts.recordCohort(cohort.code(), cohort.name());
  }
}
