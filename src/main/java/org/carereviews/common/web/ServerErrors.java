package org.carereviews.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every answer the server itself gives (not a controller) is a problem detail too: Spring's error
 * page ({@code /error}), Spring Security's firewall, and Tomcat's own error report. TRACE and
 * encoded slashes are let through Tomcat so that {@link RequestGuard} refuses them as problem
 * details.
 */
@Configuration
class ServerErrors {

  @Bean
  FilterRegistrationBean<RequestGuard> requestGuard(
      ObjectMapper json, @Value("${server.tomcat.max-parameter-count:1000}") int maxParameters) {
    FilterRegistrationBean<RequestGuard> registration =
        new FilterRegistrationBean<>(new RequestGuard(json, maxParameters));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsFromTomcat() {
    return new WebServerFactoryCustomizer<>() {
      @Override
      public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(
            connector -> {
              connector.setAllowTrace(true);
              connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            });
        factory.addContextCustomizers(
            context -> {
              for (Valve valve : context.getParent().getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve
                    && !(valve instanceof ProblemErrorReportValve)) {
                  context.getParent().getPipeline().removeValve(valve);
                }
              }
              context.getParent().getPipeline().addValve(new ProblemErrorReportValve());
            });
      }
    };
  }

  @Bean
  RequestRejectedHandler problemForRejectedRequests(ObjectMapper json) {
    return (request, response, e) -> {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "The request was refused: its path or headers are not allowed.");
      problem.setTitle("Bad Request");
      json.writeValue(response.getOutputStream(), problem);
    };
  }

  /** Spring's error page (e.g. after {@code response.sendError}) as a problem detail. */
  @RestController
  static class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
      Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      HttpStatus status =
          code instanceof Integer value && HttpStatus.resolve(value) != null
              ? HttpStatus.valueOf(value)
              : HttpStatus.INTERNAL_SERVER_ERROR;
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              status,
              status.is5xxServerError()
                  ? "The service could not answer this request."
                  : "The request was refused.");
      problem.setTitle(status.getReasonPhrase());
      Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      problem.setInstance(RequestGuard.instanceOf(path == null ? null : path.toString()));
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
  }

  /**
   * Tomcat's error report (for what it refuses before any filter) as a problem detail, never an
   * HTML page.
   */
  static class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      try {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + title
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + (status >= 500
                      ? "The service could not answer this request."
                      : "The request was refused.")
                  + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client has gone or the response is committed: nothing more to say.
      }
    }
  }
}
