package org.carereviews.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.carereviews.common.web.AccessRefused;
import org.carereviews.common.web.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place audit events are written from. Every {@link Audited} method writes an event when it
 * returns ({@link AuditOutcome#ALLOWED}), when it refuses access or does not find the record
 * ({@link AuditOutcome#REFUSED}: answered 403 or 404) and when it fails otherwise ({@link
 * AuditOutcome#FAILED}: bad input, a conflict, an error). Every other API method (any
 * {@code @RestController} of the service) writes an event when it refuses access or does not find
 * the record, so no refusal goes unrecorded; its record is {@value #ENDPOINT}, with the request's
 * method and path (ids only, never a query string) and the request's action ({@link
 * AuditAction#ofRequest}). A failure is recorded once, by the innermost audited method it passes.
 */
@Aspect
@Component
class AuditAspect {

  static final String ENDPOINT = "endpoint";
  static final String UNRESOLVED = "(id unresolved)";

  private static final Logger log = LoggerFactory.getLogger(AuditAspect.class);

  private static final SpelExpressionParser PARSER = new SpelExpressionParser();
  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  /** The failure this thread recorded last, so that nested audited calls record it once. */
  private static final ThreadLocal<Throwable> RECORDED = new ThreadLocal<>();

  private final AuditTrail trail;

  AuditAspect(AuditTrail trail) {
    this.trail = trail;
  }

  @Around("execution(* org.carereviews..*(..)) && @annotation(org.carereviews.audit.Audited)")
  Object audited(ProceedingJoinPoint call) throws Throwable {
    Method method = ((MethodSignature) call.getSignature()).getMethod();
    Audited audited = AnnotatedElementUtils.findMergedAnnotation(method, Audited.class);
    Object result;
    try {
      result = call.proceed();
    } catch (Throwable failure) {
      if (RECORDED.get() != failure) {
        String id = recordId(audited, call, method, null, false);
        if (isRefusal(failure)) {
          trail.refused(audited.action(), audited.record(), id);
          markRecorded();
        } else {
          trail.failed(audited.action(), audited.record(), id);
        }
        RECORDED.set(failure);
      }
      throw failure;
    }
    trail.allowed(
        audited.action(), audited.record(), recordId(audited, call, method, result, true));
    return result;
  }

  @Around(
      "execution(* org.carereviews..*(..)) && @within(org.springframework.web.bind.annotation.RestController)"
          + " && !@annotation(org.carereviews.audit.Audited)")
  Object endpoint(ProceedingJoinPoint call) throws Throwable {
    try {
      return call.proceed();
    } catch (Throwable failure) {
      if (RECORDED.get() != failure && isRefusal(failure)) {
        String requestLine = requestLine();
        trail.refused(AuditAction.ofRequest(requestLine), ENDPOINT, requestLine);
        markRecorded();
      }
      throw failure;
    } finally {
      RECORDED.remove();
    }
  }

  /**
   * Refused access (403) or a record not there for the user (404: missing, or not theirs to know
   * of).
   */
  private static boolean isRefusal(Throwable failure) {
    return failure instanceof AccessDeniedException || failure instanceof RecordNotFoundException;
  }

  private static String recordId(
      Audited audited, ProceedingJoinPoint call, Method method, Object result, boolean returned) {
    if (audited.id().isEmpty()) {
      return null;
    }
    MethodBasedEvaluationContext context =
        new MethodBasedEvaluationContext(call.getTarget(), method, call.getArgs(), NAMES);
    if (returned) {
      context.setVariable("result", result);
    } else if (audited.id().contains("#result")) {
      return null;
    }
    try {
      Expression expression = PARSER.parseExpression(audited.id());
      Object id = expression.getValue(context);
      return id == null ? null : id.toString();
    } catch (ExpressionException e) {
      // A wrong expression must not turn a done action into an error: the event is written without
      // the id.
      log.error(
          "@Audited id expression {} of {} failed: {}",
          audited.id(),
          method,
          e.getClass().getSimpleName());
      return UNRESOLVED;
    }
  }

  /** Tells the security layer, which answers the 403, that this refusal is already recorded. */
  private static void markRecorded() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      attributes.getRequest().setAttribute(AccessRefused.RECORDED, Boolean.TRUE);
    }
  }

  private static String requestLine() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getMethod() + " " + request.getRequestURI();
    }
    return null;
  }
}
