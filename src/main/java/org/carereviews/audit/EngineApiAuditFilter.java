package org.carereviews.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.carereviews.audit.EngineApiRequests.EngineAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Audits what users do to case records through Camunda's own APIs: {@code /engine-rest} and the API
 * behind Tasklist, Cockpit and Admin ({@code /camunda/api}). Which requests count is {@link
 * EngineApiRequests}'s business. Runs after Spring Security (which signs {@code /engine-rest}
 * callers in, and refuses and audits requests its rules forbid) and records after the engine has
 * answered, by the answer's status ({@link AuditOutcome#ofStatus}): below 400 allowed; 401, 403 (a
 * Camunda authorization) and 404 (a record missing or hidden from the user by Camunda's
 * authorizations) refused; any other 4xx or 5xx, or an exception, failed. Requests nobody is signed
 * in for are not recorded: they reach no record.
 */
class EngineApiAuditFilter extends OncePerRequestFilter {

  private static final String WEBAPPS = "/camunda/";

  /** Query bodies are small; a larger one is only partly kept, and then recorded as a list. */
  private static final int MAX_QUERY_BODY = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditTrail trail;

  EngineApiAuditFilter(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathOf(request);
    Optional<EngineAccess> access = EngineApiRequests.classify(request.getMethod(), path);
    HttpServletRequest seen =
        access.filter(EngineApiRequests::namesRecords).isPresent()
            ? new ContentCachingRequestWrapper(request, MAX_QUERY_BODY)
            : request;
    int status;
    try {
      chain.doFilter(seen, response);
      status = response.getStatus();
    } catch (IOException | ServletException | RuntimeException failed) {
      // Answered by the container as a server error: the request did nothing it was asked.
      status = HttpStatus.INTERNAL_SERVER_ERROR.value();
      recordIfSignedIn(path, access, seen, status);
      throw failed;
    }
    recordIfSignedIn(path, access, seen, status);
  }

  private void recordIfSignedIn(
      String path, Optional<EngineAccess> access, HttpServletRequest request, int status) {
    if (access.isPresent()) {
      // The webapps keep their user in Camunda's session; /engine-rest callers are Spring
      // Security's.
      Optional<String> user =
          path.startsWith(WEBAPPS) ? webappUser(request) : AuditTrail.signedInUser();
      user.ifPresent(signedIn -> record(signedIn, access.get(), request, status));
    }
  }

  private void record(String user, EngineAccess access, HttpServletRequest request, int status) {
    AuditOutcome outcome = AuditOutcome.ofStatus(status);
    for (EngineAccess each : EngineApiRequests.narrowed(access, namedIds(request))) {
      trail.record(
          user,
          each.action(),
          each.recordType(),
          each.recordId(),
          outcome,
          request.getRemoteAddr());
    }
  }

  /**
   * The record ids a variable query names, from its parameters (GET; lists are comma-separated) or
   * its JSON body (POST). Only the fields of {@link EngineApiRequests#NAMED_RECORDS}: nothing else
   * of the query is read, as it may hold variable values.
   */
  private static Map<String, List<String>> namedIds(HttpServletRequest request) {
    Map<String, List<String>> ids = new HashMap<>();
    if (!(request instanceof ContentCachingRequestWrapper cached)) {
      return ids;
    }
    JsonNode body = null;
    if (cached.getContentAsByteArray().length > 0) {
      try {
        body = JSON.readTree(cached.getContentAsByteArray());
      } catch (IOException unreadable) {
        // Not JSON: the engine refused it too; the query is recorded as a list.
      }
    }
    for (String field : EngineApiRequests.NAMED_RECORDS.keySet()) {
      List<String> values = new ArrayList<>();
      String[] parameters = request.getParameterValues(field);
      if (parameters != null) {
        Arrays.stream(parameters)
            .flatMap(value -> Arrays.stream(value.split(",")))
            .map(String::strip)
            .forEach(values::add);
      }
      JsonNode named = body == null ? null : body.get(field);
      if (named != null && named.isTextual()) {
        values.add(named.asText());
      } else if (named != null && named.isArray()) {
        named.forEach(value -> values.add(value.asText()));
      }
      if (!values.isEmpty()) {
        ids.put(field, values);
      }
    }
    return ids;
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static Optional<String> webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications.getAuthentications().stream().map(Authentication::getName).findFirst();
  }
}
