package org.carereviews.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.carereviews.demo.DemoUsers.DemoUser;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users never sign in to production: in the {@code postgres} profile the service refuses to
 * start while any of them exists in Camunda's identity service with the demo password (Camunda's
 * webapps still sign in there). Their ids alone are allowed: a council may have its own "director".
 */
@Component
@Profile("postgres")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoUsersRefused implements ApplicationRunner {

  private final IdentityService identityService;
  private final PasswordManager passwords;

  DemoUsersRefused(ProcessEngine engine) {
    this.identityService = engine.getIdentityService();
    this.passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
  }

  @Override
  public void run(ApplicationArguments args) {
    // The stored hash is compared directly: checkPassword would count a failed sign-in against each user.
    List<String> found = DemoUsers.ALL.stream().map(DemoUser::id)
        .map(id -> identityService.createUserQuery().userId(id).singleResult())
        .filter(user -> user instanceof UserEntity entity && entity.getPassword() != null
            && passwords.check(EncryptionUtil.saltPassword(DemoUsers.PASSWORD, entity.getSalt()), entity.getPassword()))
        .map(User::getId)
        .toList();
    if (!found.isEmpty()) {
      throw new IllegalStateException("Refusing to start: " + found.size() + " demo user(s) with the demo password "
          + "exist in Camunda's identity tables (" + String.join(", ", found) + "). Delete them or change their "
          + "passwords; demo users are for the embedded default only.");
    }
  }
}
