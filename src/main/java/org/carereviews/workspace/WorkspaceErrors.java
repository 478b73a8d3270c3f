package org.carereviews.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.carereviews.common.web.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refusals and errors of the workspace's pages as GOV.UK pages, never a 500 for what a user did:
 *
 * <ul>
 *   <li>a record that is not there, or not the user's to see (another team's person): "Page not
 *       found", 404, the same page either way, so it tells nothing of another team's people;
 *   <li>a path with no page, asked for by a browser outside the API and the Camunda webapps: "Page
 *       not found";
 *   <li>a request a page cannot take (a bad parameter): "Sorry, there is a problem with this page",
 *       400;
 *   <li>anything else going wrong: "Sorry, there is a problem with the service", 500.
 * </ul>
 *
 * Everything else (the API's requests) goes on to the API's problem details.
 */
class WorkspaceErrors implements HandlerExceptionResolver {

  static final String NOT_FOUND = "workspace/not-found";
  static final String BAD_REQUEST = "workspace/bad-request";
  static final String SERVER_ERROR = "workspace/server-error";

  private static final Logger log = LoggerFactory.getLogger(WorkspaceErrors.class);
  private static final Set<String> NOT_PAGES =
      Set.of(
          "/api",
          "/engine-rest",
          "/camunda",
          "/actuator",
          "/v3",
          "/swagger-ui",
          "/swagger-ui.html",
          "/oauth2",
          "/login");

  private final WorkspaceLayout layout;

  WorkspaceErrors(WorkspaceLayout layout) {
    this.layout = layout;
  }

  /** Whether a controller is one of the workspace's pages. */
  static boolean isPage(Class<?> controller) {
    return controller.getPackageName().startsWith(WorkspaceErrors.class.getPackageName());
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (handler instanceof HandlerMethod method && isPage(method.getBeanType())) {
      if (failure instanceof AccessDeniedException || failure instanceof RecordNotFoundException) {
        return page(NOT_FOUND, HttpStatus.NOT_FOUND, request);
      }
      if (failure instanceof org.springframework.beans.TypeMismatchException
          || failure instanceof org.carereviews.common.web.InvalidRequestException) {
        // a path or query value of the wrong kind, e.g. /ctr/people/abc (refused before the page)
        return page(BAD_REQUEST, HttpStatus.BAD_REQUEST, request);
      }
      if (failure instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
        return page(
            known.getStatusCode().value() == 404 ? NOT_FOUND : BAD_REQUEST,
            HttpStatus.valueOf(known.getStatusCode().value()),
            request);
      }
      log.error(
          "A workspace page failed: {} {}", request.getMethod(), request.getRequestURI(), failure);
      return page(SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, request);
    }
    if (failure instanceof NoResourceFoundException && wantsPage(request)) {
      return page(NOT_FOUND, HttpStatus.NOT_FOUND, request);
    }
    return null;
  }

  /** A browser asking for a page outside the API and the Camunda webapps. */
  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    String path = request.getRequestURI();
    int second = path.indexOf('/', 1);
    String family = second < 0 ? path : path.substring(0, second);
    return accept != null && accept.contains("text/html") && !NOT_PAGES.contains(family);
  }

  private ModelAndView page(String view, HttpStatus status, HttpServletRequest request) {
    ModelAndView page = new ModelAndView(view);
    page.setStatus(status);
    layout.fill(page.getModel(), request);
    return page;
  }
}
