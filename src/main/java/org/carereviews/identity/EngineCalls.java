package org.carereviews.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Engine calls that the service makes on its own account, not the user's: starting a capability's
 * process for a request the user may make, or sending a decision to the process that asked. The
 * user's right to the action is checked by the calling service before; Camunda authorizations
 * would otherwise demand that, say, a social worker hold rights on the panel's processes.
 */
@Component
public class EngineCalls {

  private final IdentityService identityService;

  public EngineCalls(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Runs {@code work} without Camunda authorization checks, inside or outside an engine command. */
  public <T> T asService(Supplier<T> work) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext != null) {
      return commandContext.runWithoutAuthorization((java.util.concurrent.Callable<T>) work::get);
    }
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  /** The user the engine is acting for (API request, Tasklist), or null when nobody is signed in. */
  public CareUser currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    return CareUser.fromGroups(authentication.getUserId(),
        authentication.getGroupIds() == null ? java.util.List.of() : authentication.getGroupIds());
  }
}
