package org.carereviews.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.RefusalSentences;
import org.carereviews.common.web.StateConflictException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Our refusals through Camunda's REST API ({@code /engine-rest}, and {@code /camunda/api/engine},
 * which Tasklist calls): a task listener or step that refuses a completion throws {@link
 * InvalidRequestException} (or {@link StateConflictException}), which the engine wraps
 * ("ENGINE-03051 There was an exception while invoking the TaskListener...") and the REST layer
 * wraps again ("Cannot submit task form ..."). These mappers find our refusal in the causes and
 * answer it as the rest of the API does: 400 (409) with an RFC 9457 problem detail naming the field
 * in {@code errors[]}; its {@code message}, the property Camunda's own error answers have and
 * Tasklist shows over the form, is the refusal as a plain sentence with its subject ({@link
 * RefusalSentences}). Anything else is answered exactly as Camunda answers it.
 *
 * <p>Registered ahead of Camunda's own mappers of the same types ({@link Priority}) by {@link
 * EngineRestRefusalsConfiguration}.
 */
public final class EngineRestRefusals {

  /** The mapper classes, to register with a JAX-RS application. */
  public static final List<Class<?>> MAPPERS =
      List.of(
          FromRestException.class,
          FromProcessEngineException.class,
          FromInvalidRequest.class,
          FromStateConflict.class,
          FromAccessDenied.class,
          FromRecordNotFound.class);

  private static final String CONCURRENT =
      "The record was changed by another request at the same time; nothing was changed by this one.";

  static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CAUSES = 20;

  private EngineRestRefusals() {}

  /**
   * The answer to {@code thrown}: ours when one of its causes is a refusal of ours, otherwise
   * Camunda's.
   */
  static Response answer(Throwable thrown) {
    return refusal(thrown)
        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(thrown));
  }

  static Optional<Response> refusal(Throwable thrown) {
    Throwable cause = thrown;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      if (cause instanceof InvalidRequestException invalid) {
        String sentence = RefusalSentences.of(invalid.field(), invalid.getMessage());
        Map<String, Object> problem =
            problem(Response.Status.BAD_REQUEST, "Invalid request", sentence);
        problem.put(
            "errors",
            List.of(
                Map.of(
                    "field",
                    String.valueOf(invalid.field()),
                    "message",
                    String.valueOf(invalid.getMessage()))));
        return Optional.of(response(Response.Status.BAD_REQUEST, problem));
      }
      if (cause instanceof OptimisticLockingException) {
        return Optional.of(
            response(
                Response.Status.CONFLICT,
                problem(Response.Status.CONFLICT, "Changed at the same time", CONCURRENT)));
      }
      if (cause instanceof AccessDeniedException denied) {
        return Optional.of(
            response(
                Response.Status.FORBIDDEN,
                problem(
                    Response.Status.FORBIDDEN,
                    "Forbidden",
                    RefusalSentences.of(null, denied.getMessage()))));
      }
      if (cause instanceof RecordNotFoundException notFound) {
        return Optional.of(
            response(
                Response.Status.NOT_FOUND,
                problem(
                    Response.Status.NOT_FOUND,
                    "Not found",
                    RefusalSentences.of(null, notFound.getMessage()))));
      }
      if (cause instanceof StateConflictException conflict) {
        String sentence = RefusalSentences.of(null, conflict.getMessage());
        return Optional.of(
            response(
                Response.Status.CONFLICT,
                problem(
                    Response.Status.CONFLICT, "Refused in the record's current state", sentence)));
      }
    }
    return Optional.empty();
  }

  private static Map<String, Object> problem(
      Response.Status status, String title, String sentence) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.getStatusCode());
    problem.put("detail", sentence);
    problem.put("message", sentence);
    return problem;
  }

  private static Response response(Response.Status status, Map<String, Object> problem) {
    try {
      return Response.status(status)
          .type(PROBLEM_JSON)
          .entity(JSON.writeValueAsString(problem))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem detail of strings is always JSON", e);
    }
  }

  /** "Cannot submit task form ...": the REST layer's wrapping of the engine's exception. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static final class FromRestException implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  /**
   * "ENGINE-03051 There was an exception while invoking the TaskListener": the engine's wrapping.
   */
  @Provider
  @Priority(Priorities.USER - 100)
  public static final class FromProcessEngineException
      implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }

  /** A refusal unwrapped, as a step after a user task (a service task) throws it. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static final class FromInvalidRequest implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException exception) {
      return answer(exception);
    }
  }

  /** A conflict with the record's state, unwrapped. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static final class FromStateConflict implements ExceptionMapper<StateConflictException> {
    @Override
    public Response toResponse(StateConflictException exception) {
      return answer(exception);
    }
  }

  /** Not the user's to act on (a listener's or a start's team check), unwrapped. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static final class FromAccessDenied implements ExceptionMapper<AccessDeniedException> {
    @Override
    public Response toResponse(AccessDeniedException exception) {
      return answer(exception);
    }
  }

  /** A record that does not exist or is hidden from the user, unwrapped. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static final class FromRecordNotFound implements ExceptionMapper<RecordNotFoundException> {
    @Override
    public Response toResponse(RecordNotFoundException exception) {
      return answer(exception);
    }
  }
}
