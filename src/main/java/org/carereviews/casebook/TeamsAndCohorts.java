package org.carereviews.casebook;

import java.util.List;
import java.util.Set;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.web.StateConflictException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The casebook's reference data: locality teams and cohorts. A council's administrator records them
 * (the embedded default's demo does it for itself); each team's code matches its Keycloak group
 * {@code team-<code in lower case>}, which gives the team's workers and managers their people.
 */
@Service
class TeamsAndCohorts {

  /** What a team or cohort is, as the API shows it. */
  public record Reference(String code, String name) {}

  private final Teams teams;
  private final Cohorts cohorts;

  TeamsAndCohorts(Teams teams, Cohorts cohorts) {
    this.teams = teams;
    this.cohorts = cohorts;
  }

  @Transactional(readOnly = true)
  public List<Reference> teams() {
    return teams.findAll(Sort.by("code")).stream()
        .map(team -> new Reference(team.getCode(), team.getName()))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Reference> cohorts() {
    return cohorts.findAll(Sort.by("code")).stream()
        .map(cohort -> new Reference(cohort.getCode(), cohort.getName()))
        .toList();
  }

  /** A new team; a code already taken is refused (409) and nothing changes. */
  @Transactional
  @Audited(action = AuditAction.CREATE, record = "team", id = "#code")
  public Reference recordTeam(String code, String name) {
    if (teams.findByCode(code).isPresent()) {
      throw new StateConflictException("There is already a team " + code + ".");
    }
    Team team = teams.save(new Team(code, name.strip()));
    return new Reference(team.getCode(), team.getName());
  }

  /** A new cohort; a code already taken is refused (409) and nothing changes. */
  @Transactional
  @Audited(action = AuditAction.CREATE, record = "cohort", id = "#code")
  public Reference recordCohort(String code, String name) {
    if (!cohorts.findByCodeIn(Set.of(code)).isEmpty()) {
      throw new StateConflictException("There is already a cohort " + code + ".");
    }
    Cohort cohort = cohorts.save(new Cohort(code, name.strip()));
    return new Reference(cohort.getCode(), cohort.getName());
  }
}
