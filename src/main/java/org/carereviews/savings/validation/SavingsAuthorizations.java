package org.carereviews.savings.validation;

import java.util.List;
import org.carereviews.identity.CamundaGrants;
import org.carereviews.identity.Roles;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.savings.validation.SavingsProcesses.Proposal;
import org.carereviews.savings.validation.SavingsProcesses.Validation;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Camunda authorizations for the savings processes, in every profile (idempotent): finance, the
 * board and the recorders (social workers, team managers) may read the process definitions, so
 * Tasklist shows their forms. Tasks themselves are granted by Camunda to each task's candidate
 * group or assignee when the task is created: validators see the validation queue, the head of
 * finance the second validations and proposals, board members the monthly list, a recorder their
 * rejected savings.
 */
@Component
class SavingsAuthorizations implements ApplicationRunner {

  private static final List<String> READERS =
      List.of(
          Roles.FINANCE_VALIDATOR,
          Roles.HEAD_OF_FINANCE,
          Roles.BOARD_MEMBER,
          Roles.SOCIAL_WORKER,
          Roles.TEAM_MANAGER);

  private final CamundaGrants grants;

  SavingsAuthorizations(CamundaGrants grants) {
    this.grants = grants;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String group : READERS) {
      for (String key : List.of(Validation.KEY, Board.KEY, Proposal.KEY)) {
        grants.mayReadProcess(group, key);
      }
    }
  }
}
