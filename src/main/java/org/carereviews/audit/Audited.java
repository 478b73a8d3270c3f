package org.carereviews.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose every call writes an audit event: {@link AuditOutcome#ALLOWED} when it
 * returns, {@link AuditOutcome#REFUSED} when it throws Spring's {@code AccessDeniedException} or a
 * {@code RecordNotFoundException}, {@link AuditOutcome#FAILED} when it throws anything else. Put it
 * where a user reads, exports, decides or changes a record: on the API method, or on the service
 * method when several entry points (API, Tasklist, a process) share it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

  AuditAction action();

  /** The kind of record, e.g. {@code person}, {@code care-package}, {@code panel-request}. */
  String record();

  /**
   * A SpEL expression for the record's id over the method's parameters ({@code #id}) and, once it
   * returned, its result ({@code #result.id()}); empty for lists. Ids only: never a name or any
   * other content of the record.
   */
  String id() default "";
}
