package org.carereviews.common.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;

/**
 * Camunda's engine API ({@code /engine-rest}, JAX-RS) answers our own refusals as the API does: a
 * delegate or listener that refuses a start or a completion (not your team's package, an unknown
 * package, a bad value) is 403, 404, 400 or 409, not 500; two changes at once are 409. The body keeps
 * Camunda's error shape, {@code {type, message}}, with {@code field} when a field is at fault.
 */
@Configuration
class EngineApiProblems {

  private static final String CONCURRENT =
      "The record was changed by another request at the same time; nothing was changed by this one.";

  @Bean
  ResourceConfigCustomizer engineApiRefusals() {
    return config -> config
        .register(new Refusal<>(AccessDeniedException.class, Response.Status.FORBIDDEN) { })
        .register(new Refusal<>(RecordNotFoundException.class, Response.Status.NOT_FOUND) { })
        .register(new Refusal<>(StateConflictException.class, Response.Status.CONFLICT) { })
        .register(new Refusal<>(InvalidRequestException.class, Response.Status.BAD_REQUEST) { })
        // Before Camunda's own handler of engine exceptions (priority: lower runs first).
        .register(new WrappedRefusals(), 1)
        .register(new RestWrappedRefusals(), 1);
  }

  /** The same for Camunda's REST wrapper ("Cannot complete task ...: ENGINE-03051 ..."). */
  static final class RestWrappedRefusals extends RestExceptionHandler {

    @Override
    public Response toResponse(RestException e) {
      Response refusal = refusalIn(e);
      return refusal != null ? refusal : super.toResponse(e);
    }
  }

  /** The answer to the first of our refusals in the exception's causes, or null when there is none. */
  static Response refusalIn(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      Response.Status status = statusOf(t);
      if (status != null) {
        return t instanceof OptimisticLockingException
            ? answer("OptimisticLockingException", Response.Status.CONFLICT, CONCURRENT, null)
            : answer(t.getClass().getSimpleName(), status, t.getMessage(),
                t instanceof InvalidRequestException invalid ? invalid.field() : null);
      }
    }
    return null;
  }

  /**
   * An engine exception that wraps one of our refusals (a task listener's, say: "ENGINE-03051 There was
   * an exception while invoking the TaskListener") answers as that refusal; two changes at once are 409;
   * any other engine exception is answered by Camunda as before.
   */
  static final class WrappedRefusals extends ProcessEngineExceptionHandler {

    @Override
    public Response toResponse(ProcessEngineException e) {
      if (e instanceof OptimisticLockingException) {
        return answer("OptimisticLockingException", Response.Status.CONFLICT, CONCURRENT, null);
      }
      Response refusal = refusalIn(e);
      return refusal != null ? refusal : super.toResponse(e);
    }
  }

  static Response.Status statusOf(Throwable t) {
    if (t instanceof AccessDeniedException) {
      return Response.Status.FORBIDDEN;
    } else if (t instanceof RecordNotFoundException) {
      return Response.Status.NOT_FOUND;
    } else if (t instanceof StateConflictException || t instanceof OptimisticLockingException) {
      return Response.Status.CONFLICT;
    } else if (t instanceof InvalidRequestException) {
      return Response.Status.BAD_REQUEST;
    }
    return null;
  }

  static Response answer(String type, Response.Status status, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** Maps one kind of refusal to its status; subclassed once per kind so that JAX-RS sees the type. */
  abstract static class Refusal<E extends RuntimeException> implements ExceptionMapper<E> {

    private final Class<E> type;
    private final Response.Status status;

    Refusal(Class<E> type, Response.Status status) {
      this.type = type;
      this.status = status;
    }

    @Override
    public Response toResponse(E e) {
      return answer(type.getSimpleName(), status, e.getMessage(),
          e instanceof InvalidRequestException invalid ? invalid.field() : null);
    }
  }
}
