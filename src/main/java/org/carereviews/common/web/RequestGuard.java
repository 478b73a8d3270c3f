package org.carereviews.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request (API, engine API and webapps): refuses, as problem details,
 * what no handler should see: TRACE and unknown methods (405), encoded slashes, backslashes, dots,
 * percent signs or control characters in the path (400), more query parameters than Tomcat reads
 * (400), and a Content-Type that is a wildcard or unreadable (415). Each refusal is one INFO line:
 * method, status and reason, never the path's values, query or body.
 */
class RequestGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /**
   * Encoded '/', '\', '.', '%', ';' or a control character; or a raw backslash or control
   * character.
   */
  private static final Pattern SUSPICIOUS_PATH =
      Pattern.compile("(?i).*(%2f|%5c|%2e|%25|%3b|%[01][0-9a-f]|%7f|\\\\|\\p{Cntrl}).*");

  private final ObjectMapper json;
  private final int maxParameters;

  RequestGuard(ObjectMapper json, int maxParameters) {
    this.json = json;
    this.maxParameters = maxParameters;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      response.setHeader("Allow", String.join(", ", METHODS.stream().sorted().toList()));
      refuse(
          request,
          response,
          HttpStatus.METHOD_NOT_ALLOWED,
          "The method " + method + " is not supported.");
      return;
    }
    if (SUSPICIOUS_PATH.matcher(request.getRequestURI()).matches()) {
      refuse(
          request,
          response,
          HttpStatus.BAD_REQUEST,
          "The path must not contain encoded slashes, backslashes, "
              + "dots, percent signs, semicolons or control characters.");
      return;
    }
    String query = request.getQueryString();
    if (query != null && countParameters(query) > maxParameters) {
      refuse(
          request,
          response,
          HttpStatus.BAD_REQUEST,
          "The request has more than " + maxParameters + " query parameters.");
      return;
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && !contentType.isBlank()) {
      try {
        MediaType type = MediaType.parseMediaType(contentType);
        if (type.isWildcardType() || type.isWildcardSubtype()) {
          refuse(
              request,
              response,
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "The Content-Type must name the body's type, "
                  + "such as application/json, not a wildcard.");
          return;
        }
      } catch (InvalidMediaTypeException e) {
        refuse(
            request,
            response,
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The Content-Type cannot be read.");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static int countParameters(String query) {
    int count = 1;
    for (int i = 0; i < query.length(); i++) {
      if (query.charAt(i) == '&') {
        count++;
      }
    }
    return count;
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    log.info(
        "Refused a {} request: {} {}",
        request.getMethod().length() > 10 ? "?" : request.getMethod(),
        status.value(),
        detail);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The path as a problem's instance, when it is safe to echo. */
  static URI instanceOf(String path) {
    try {
      return path == null || SUSPICIOUS_PATH.matcher(path).matches() ? null : URI.create(path);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
