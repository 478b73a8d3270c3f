package org.carereviews.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.PageResponse;
import org.carereviews.identity.CurrentUser;
import org.carereviews.identity.Roles;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Audit trail",
    description = "Who read, exported, changed or decided what, and when (auditors only)")
@RestController
@Validated
class AuditController {

  record AuditEventView(
      long id,
      Instant occurredAt,
      String userId,
      AuditAction action,
      String recordType,
      String recordId,
      AuditOutcome outcome,
      String clientAddress) {

    static AuditEventView of(AuditEvent event) {
      return new AuditEventView(
          event.getId(),
          event.getOccurredAt(),
          event.getUserId(),
          event.getAction(),
          event.getRecordType(),
          event.getRecordId(),
          event.getOutcome(),
          event.getClientAddress());
    }
  }

  private final AuditEvents events;
  private final CurrentUser currentUser;

  AuditController(AuditEvents events, CurrentUser currentUser) {
    this.events = events;
    this.currentUser = currentUser;
  }

  @Operation(
      summary =
          "Audit events, newest first; filter by user, record (type and id), action, outcome and time "
              + "(from inclusive, to exclusive, ISO instants)")
  @GetMapping("/api/audit")
  @Audited(action = AuditAction.LIST, record = "audit-trail")
  PageResponse<AuditEventView> events(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String recordType,
      @RequestParam(required = false) String recordId,
      @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) AuditOutcome outcome,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be 0 or more")
          @Max(value = PageResponse.MAX_PAGE, message = PageResponse.MAX_PAGE_MESSAGE)
          int page,
      @RequestParam(defaultValue = "50")
          @Min(value = 1, message = "must be at least 1")
          @Max(
              value = PageResponse.MAX_PAGE_SIZE,
              message = "must be at most " + PageResponse.MAX_PAGE_SIZE)
          int size) {
    if (!currentUser.get().hasRole(Roles.AUDITOR)) {
      throw new AccessDeniedException("the audit trail is for auditors");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidRequestException("to", "must be after from");
    }
    Specification<AuditEvent> filter =
        (root, query, cb) -> {
          List<Predicate> where = new ArrayList<>();
          if (user != null) {
            where.add(cb.equal(root.get("userId"), user));
          }
          if (recordType != null) {
            where.add(cb.equal(root.get("recordType"), recordType));
          }
          if (recordId != null) {
            where.add(cb.equal(root.get("recordId"), recordId));
          }
          if (action != null) {
            where.add(cb.equal(root.get("action"), action));
          }
          if (outcome != null) {
            where.add(cb.equal(root.get("outcome"), outcome));
          }
          if (from != null) {
            where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
          }
          if (to != null) {
            where.add(cb.lessThan(root.get("occurredAt"), to));
          }
          return cb.and(where.toArray(Predicate[]::new));
        };
    var sort = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));
    return PageResponse.of(
        events.findAll(filter, PageRequest.of(page, size, sort)), AuditEventView::of);
  }
}
