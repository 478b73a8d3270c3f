package org.carereviews.review;

import java.util.List;
import org.carereviews.identity.CamundaGrants;
import org.carereviews.identity.Roles;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Camunda authorizations for reviews, in every profile (idempotent): social workers and team
 * managers may see the review process and start it (the start form in Tasklist, or the API). They
 * see a review's tasks only through the task's candidate group, {@code team-<code>}: Camunda grants
 * that group the task when the task is created, so a team sees its own reviews and no other team's.
 */
@Component
class ReviewAuthorizations implements ApplicationRunner {

  private static final List<String> STARTERS = List.of(Roles.SOCIAL_WORKER, Roles.TEAM_MANAGER);

  private final CamundaGrants grants;

  ReviewAuthorizations(CamundaGrants grants) {
    this.grants = grants;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String group : STARTERS) {
      grants.mayStartProcess(group, ReviewProcess.KEY);
    }
  }
}
