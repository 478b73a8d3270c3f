package org.carereviews.workflow;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.RowsRejectedException;
import org.carereviews.common.web.StateConflictException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A refused request is not an error of the service: when a delegate or task listener refuses input
 * (one of our refusal exceptions), the engine's "Exception while closing command context" ERROR
 * with its stack trace is dropped; the API answers the refusal and logs it at most as one INFO
 * line. Real errors (any other exception) are logged as before.
 */
@Component
class RefusalLogging {

  /** The loggers that report an exception the engine or its REST API rethrows to the caller. */
  private static final Set<String> ENGINE_LOGGERS =
      Set.of(
          "org.camunda.bpm.engine.context",
          "org.camunda.bpm.engine.cmd",
          "org.camunda.bpm.engine.persistence");

  @EventListener(ApplicationStartedEvent.class)
  void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(RefusalFilter.class::isInstance)) {
      RefusalFilter filter = new RefusalFilter();
      filter.setContext(context);
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  static boolean isRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidRequestException
          || t instanceof RecordNotFoundException
          || t instanceof StateConflictException
          || t instanceof RowsRejectedException
          || t instanceof AccessDeniedException
          || t instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  static final class RefusalFilter extends TurboFilter {

    @Override
    public FilterReply decide(
        Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
      if (level == null
          || !level.isGreaterOrEqual(Level.WARN)
          || !ENGINE_LOGGERS.contains(logger.getName())) {
        return FilterReply.NEUTRAL;
      }
      Throwable thrown = t;
      if (thrown == null
          && params != null
          && params.length > 0
          && params[params.length - 1] instanceof Throwable last) {
        thrown = last;
      }
      return thrown != null && isRefusal(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
  }
}
