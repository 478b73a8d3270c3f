package org.carereviews.common.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
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

  @Bean
  ResourceConfigCustomizer engineApiRefusals() {
    return config -> config
        .register(new Refusal<>(AccessDeniedException.class, Response.Status.FORBIDDEN) { })
        .register(new Refusal<>(RecordNotFoundException.class, Response.Status.NOT_FOUND) { })
        .register(new Refusal<>(StateConflictException.class, Response.Status.CONFLICT) { })
        .register(new Refusal<>(OptimisticLockingException.class, Response.Status.CONFLICT) { })
        .register(new Refusal<>(InvalidRequestException.class, Response.Status.BAD_REQUEST) { });
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
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type.getSimpleName());
      body.put("message", e instanceof OptimisticLockingException
          ? "The record was changed by another request at the same time; nothing was changed by this one."
          : e.getMessage());
      if (e instanceof InvalidRequestException invalid) {
        body.put("field", invalid.field());
      }
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }
}
