package org.carereviews.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail. Validation problems carry {@code errors}: a list
 * of {@code {field, message}} naming each bad field.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  record FieldProblem(String field, String message) {}

  @ExceptionHandler(RecordNotFoundException.class)
  ProblemDetail notFound(RecordNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(StateConflictException.class)
  ProblemDetail conflict(StateConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Refused in the record's current state");
    return problem;
  }

  @ExceptionHandler(RowsRejectedException.class)
  ProblemDetail rowsRejected(RowsRejectedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Import refused");
    problem.setProperty("rowsRead", e.rowsRead());
    Map<Integer, List<Map<String, String>>> byRow = new java.util.TreeMap<>();
    e.problems()
        .forEach(
            p ->
                byRow
                    .computeIfAbsent(p.row(), r -> new java.util.ArrayList<>())
                    .add(Map.of("column", p.column(), "message", p.message())));
    problem.setProperty(
        "rows",
        byRow.entrySet().stream()
            .map(row -> Map.of("row", row.getKey(), "errors", row.getValue()))
            .toList());
    // The same problems in the API's usual shape: the column as the field, the row in the message.
    problem.setProperty(
        "errors",
        e.problems().stream()
            .map(p -> Map.of("field", p.column(), "message", "row " + p.row() + ": " + p.message()))
            .toList());
    return problem;
  }

  /**
   * Two requests changed the same record at once (two outcomes recorded on one review, say): the
   * later one is refused and changes nothing; the client reads the record again and decides.
   */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(RuntimeException e) {
    return ConcurrentChange.problem();
  }

  /**
   * A multipart body that cannot be read (no closing boundary, say); a body too large stays 413.
   */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadableMultipart(MultipartException e) {
    if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.PAYLOAD_TOO_LARGE, "The upload is too large.");
      problem.setTitle("Upload too large");
      return problem;
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The multipart body cannot be read: each part must be complete and the body must end with its closing "
                + "boundary.");
    problem.setTitle("Malformed request");
    return problem;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return badRequest(List.of(new FieldProblem(e.field(), e.getMessage())));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    return badRequest(
        e.getConstraintViolations().stream()
            .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .toList());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        new java.util.ArrayList<>(
            e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .toList());
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            error ->
                problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
    return ResponseEntity.badRequest().body(badRequest(problems));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    result.getMethodParameter().getParameterName(),
                                    message(error))))
            .toList();
    return ResponseEntity.badRequest().body(badRequest(problems));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(badRequest(List.of(new FieldProblem(e.getParameterName(), "is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(badRequest(List.of(new FieldProblem(e.getRequestPartName(), "is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e.getCause() instanceof StreamReadException read) {
      JsonParser parser = read.getProcessor();
      String field = parser == null ? "" : pathOf(parser.getParsingContext());
      if (!field.isEmpty()
          && read.getOriginalMessage() != null
          && read.getOriginalMessage().startsWith("Duplicate field")) {
        return ResponseEntity.badRequest()
            .body(badRequest(List.of(new FieldProblem(field, "is given twice"))));
      }
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String reason;
      if (mapping instanceof UnrecognizedPropertyException) {
        reason = "is not a known field";
      } else if (mapping instanceof InputRefusedException refused) {
        reason = refused.getOriginalMessage();
      } else if (mapping instanceof InvalidFormatException format
          && format.getTargetType() != null
          && format.getTargetType().isEnum()) {
        reason =
            "must be one of "
                + allowed(format.getTargetType())
                + ", not '"
                + format.getValue()
                + "'";
      } else {
        reason = "has a value that cannot be read" + rootMessage(mapping);
      }
      return ResponseEntity.badRequest().body(badRequest(List.of(new FieldProblem(field, reason))));
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request body is missing or is not well-formed JSON.");
    problem.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String reason =
        type != null && type.isEnum()
            ? "must be one of " + allowed(type) + ", not '" + e.getValue() + "'"
            : "has a value that cannot be read: '" + e.getValue() + "'" + rootMessage(e);
    return badRequest(List.of(new FieldProblem(e.getName(), reason)));
  }

  private static ProblemDetail badRequest(List<FieldProblem> problems) {
    String detail =
        problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: " + detail);
    problem.setTitle("Invalid request");
    problem.setProperty(
        "errors",
        problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
    return problem;
  }

  private static String message(MessageSourceResolvable error) {
    if (error instanceof FieldError fieldError && fieldError.isBindingFailure()) {
      return "has a value that cannot be read: '" + fieldError.getRejectedValue() + "'";
    }
    return error.getDefaultMessage();
  }

  private static String allowed(Class<?> enumType) {
    return java.util.Arrays.stream(enumType.getEnumConstants())
        .map(Object::toString)
        .toList()
        .toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root instanceof IllegalArgumentException && root.getMessage() != null
        ? " (" + root.getMessage() + ")"
        : "";
  }

  /**
   * The JSON path of a parser's position, e.g. {@code proposed.provider} or {@code
   * items[2].reason}.
   */
  private static String pathOf(JsonStreamContext context) {
    java.util.Deque<String> names = new java.util.ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        names.addFirst("." + c.getCurrentName());
      } else if (c.inArray()) {
        names.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      }
    }
    String path = String.join("", names);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
