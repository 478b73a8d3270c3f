package org.carereviews.ctr;

import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.ctr.CtrRequests.ActionDone;
import org.carereviews.ctr.CtrRequests.Admission;
import org.carereviews.ctr.CtrRequests.Consent;
import org.carereviews.ctr.CtrRequests.Discharge;
import org.carereviews.ctr.CtrRequests.DischargePlanRequest;
import org.carereviews.ctr.CtrRequests.Meeting;
import org.carereviews.ctr.CtrRequests.NewRegisterEntry;
import org.carereviews.ctr.CtrRequests.OversightVisit;
import org.carereviews.ctr.CtrRequests.Panel;
import org.carereviews.ctr.CtrRequests.Papers;
import org.carereviews.ctr.CtrRequests.PlannedDischarge;
import org.carereviews.ctr.CtrRequests.RatingRequest;
import org.carereviews.ctr.CtrRequests.RegisterDetails;
import org.carereviews.ctr.CtrViews.ActionView;
import org.carereviews.ctr.CtrViews.DischargeView;
import org.carereviews.ctr.CtrViews.DueItemView;
import org.carereviews.ctr.CtrViews.Overview;
import org.carereviews.ctr.CtrViews.RegisterEntryView;
import org.carereviews.ctr.CtrViews.RegisterRecordView;
import org.carereviews.ctr.CtrViews.ReviewView;
import org.carereviews.identity.CurrentUser;
import org.carereviews.workflow.Workflow;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The dynamic support register, reviews due, the steps of a review, actions and the overview. */
@RestController
@RequestMapping("/api/ctr")
class CtrController {

  private final CtrRegister register;
  private final CtrSchedule schedule;
  private final CtrReviewsApi reviews;
  private final CurrentUser currentUser;

  CtrController(
      CtrRegister register, CtrSchedule schedule, CtrReviewsApi reviews, CurrentUser currentUser) {
    this.register = register;
    this.schedule = schedule;
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  @GetMapping("/register")
  @Audited(action = AuditAction.LIST, record = "ctr-register")
  List<RegisterEntryView> register(@RequestParam(required = false) Rating rating) {
    return register.list(currentUser.get(), rating);
  }

  @PostMapping("/register")
  @Audited(action = AuditAction.CREATE, record = "ctr-register", id = "#request.personId()")
  @ResponseStatus(HttpStatus.CREATED)
  RegisterRecordView add(@Valid @RequestBody NewRegisterEntry request) {
    return register.add(currentUser.get(), request);
  }

  @GetMapping("/register/{personId}")
  @Audited(action = AuditAction.READ, record = "ctr-register", id = "#personId")
  RegisterRecordView entry(@PathVariable long personId) {
    return register.get(currentUser.get(), personId);
  }

  @PutMapping("/register/{personId}/rating")
  @Audited(action = AuditAction.CHANGE, record = "ctr-register", id = "#personId")
  RegisterRecordView rate(@PathVariable long personId, @Valid @RequestBody RatingRequest request) {
    return register.rate(currentUser.get(), personId, request.rating(), request.reasons());
  }

  @PutMapping("/register/{personId}")
  @Audited(action = AuditAction.CHANGE, record = "ctr-register", id = "#personId")
  RegisterRecordView details(
      @PathVariable long personId, @Valid @RequestBody RegisterDetails request) {
    return register.updateDetails(currentUser.get(), personId, request);
  }

  @PostMapping("/register/{personId}/episodes")
  @Audited(action = AuditAction.CREATE, record = "ctr-episode", id = "#personId")
  @ResponseStatus(HttpStatus.CREATED)
  RegisterRecordView admit(@PathVariable long personId, @Valid @RequestBody Admission request) {
    return register.admit(currentUser.get(), personId, request);
  }

  @PutMapping("/episodes/{episodeId}/planned-discharge")
  @Audited(action = AuditAction.CHANGE, record = "ctr-episode", id = "#episodeId")
  RegisterRecordView planDischarge(
      @PathVariable long episodeId, @Valid @RequestBody PlannedDischarge request) {
    return register.planDischarge(currentUser.get(), episodeId, request.plannedDischargeDate());
  }

  @PostMapping("/episodes/{episodeId}/discharge")
  @Audited(action = AuditAction.CHANGE, record = "ctr-episode", id = "#episodeId")
  RegisterRecordView discharge(
      @PathVariable long episodeId, @Valid @RequestBody Discharge request) {
    return register.discharge(currentUser.get(), episodeId, request);
  }

  @GetMapping("/due")
  @Audited(action = AuditAction.LIST, record = "ctr-review")
  List<DueItemView> due() {
    return schedule.due(currentUser.get());
  }

  @PostMapping("/schedule/run")
  @Audited(action = AuditAction.CREATE, record = "ctr-review")
  List<String> runSchedule() {
    return schedule.startDue(currentUser.get());
  }

  @GetMapping("/reviews/{reviewId}")
  @Audited(action = AuditAction.READ, record = "ctr-review", id = "#reviewId")
  ReviewView review(@PathVariable long reviewId) {
    return reviews.review(currentUser.get(), reviewId);
  }

  @PostMapping("/reviews/{reviewId}/panel")
  ReviewView convene(@PathVariable long reviewId, @RequestBody Panel request) {
    return step(
        reviewId,
        CtrProcesses.TASK_CONVENE_PANEL,
        "convening the panel",
        Map.of(
            CtrProcesses.VAR_CHAIR, nullable(request.chair()),
            CtrProcesses.VAR_CLINICAL_EXPERT, nullable(request.clinicalExpert()),
            CtrProcesses.VAR_EXPERT_BY_EXPERIENCE, nullable(request.expertByExperience()),
            CtrProcesses.VAR_MEETING_AT, nullable(request.meetingAt())));
  }

  @PostMapping("/reviews/{reviewId}/consent")
  ReviewView consent(@PathVariable long reviewId, @Valid @RequestBody Consent request) {
    return step(
        reviewId,
        CtrProcesses.TASK_RECORD_CONSENT,
        "recording consent",
        Map.of(
            CtrProcesses.VAR_CONSENT_BASIS,
                nullable(request.consentBasis() == null ? null : request.consentBasis().name()),
            CtrProcesses.VAR_CONSENT_NOTE, nullable(request.consentNote())));
  }

  @PostMapping("/reviews/{reviewId}/papers")
  ReviewView papers(@PathVariable long reviewId, @RequestBody Papers request) {
    return step(
        reviewId,
        CtrProcesses.TASK_SHARE_PAPERS,
        "sharing the papers",
        Map.of(CtrProcesses.VAR_MEETING_AT, nullable(request.meetingAt())));
  }

  @PostMapping("/reviews/{reviewId}/meeting")
  ReviewView meeting(@PathVariable long reviewId, @Valid @RequestBody Meeting request) {
    Map<String, Object> given = new HashMap<>();
    given.put(CtrProcesses.VAR_ANSWER_SAFE, request.answerSafe());
    given.put(CtrProcesses.VAR_ANSWER_GOOD_CARE, request.answerGoodCare());
    given.put(CtrProcesses.VAR_ANSWER_FUTURE_PLAN, request.answerFuturePlan());
    given.put(CtrProcesses.VAR_ANSWER_NEED_HOSPITAL, request.answerNeedHospital());
    given.put(
        CtrProcesses.VAR_RECOMMENDATIONS,
        request.recommendations() == null
            ? null
            // transient: the list grows with the meeting; it reaches the recording step and is
            // never stored
            : Workflow.transientText(recommendationsJson(request)));
    given.put(
        "plannedDischargeDate",
        request.plannedDischargeDate() == null ? null : request.plannedDischargeDate().toString());
    given.put(
        CtrProcesses.VAR_DISCHARGE_RECOMMENDED,
        Boolean.TRUE.equals(request.dischargeRecommended()));
    return reviews.step(
        currentUser.get(),
        reviewId,
        CtrProcesses.TASK_RECORD_MEETING,
        "recording the meeting",
        given);
  }

  @PostMapping("/reviews/{reviewId}/discharge-plan")
  ReviewView dischargePlan(
      @PathVariable long reviewId, @Valid @RequestBody DischargePlanRequest request) {
    Map<String, Object> given = new HashMap<>();
    given.put(
        CtrProcesses.VAR_SERVICE_TYPE,
        request.serviceType() == null ? null : request.serviceType().name());
    given.put(CtrProcesses.VAR_PROVIDER, request.provider());
    given.put(CtrProcesses.VAR_WEEKLY_GROSS_COST, plain(request.weeklyGrossCost()));
    given.put(CtrProcesses.VAR_ASSESSED_CONTRIBUTION, plain(request.assessedContribution()));
    given.put(CtrProcesses.VAR_NHS_SHARE_PERCENT, plain(request.nhsSharePercent()));
    given.put(
        CtrProcesses.VAR_DISCHARGE_DATE,
        request.dischargeDate() == null ? null : request.dischargeDate().toString());
    given.put(CtrProcesses.VAR_DISCHARGE_REASON, request.dischargeReason());
    return reviews.step(
        currentUser.get(),
        reviewId,
        CtrProcesses.TASK_PLAN_DISCHARGE,
        "planning the discharge",
        given);
  }

  @GetMapping("/reviews/{reviewId}/discharge")
  @Audited(action = AuditAction.READ, record = "ctr-review", id = "#reviewId")
  DischargeView discharge(@PathVariable long reviewId) {
    return reviews.discharge(currentUser.get(), reviewId);
  }

  @PostMapping("/reviews/{reviewId}/visit")
  ReviewView visit(@PathVariable long reviewId, @Valid @RequestBody OversightVisit request) {
    return step(
        reviewId,
        CtrProcesses.TASK_RECORD_OVERSIGHT_VISIT,
        "recording the oversight visit",
        Map.of(
            CtrProcesses.VAR_VISITED_AT, nullable(request.visitedAt()),
            CtrProcesses.VAR_FINDINGS, nullable(request.findings())));
  }

  @GetMapping("/actions")
  @Audited(action = AuditAction.LIST, record = "ctr-action")
  List<ActionView> actions(@RequestParam(defaultValue = "false") boolean overdue) {
    return reviews.actions(currentUser.get(), overdue);
  }

  @PostMapping("/actions/{actionId}/done")
  ActionView actionDone(@PathVariable long actionId, @Valid @RequestBody ActionDone request) {
    return reviews.actionDone(currentUser.get(), actionId, request.note());
  }

  @GetMapping("/overview")
  @Audited(action = AuditAction.LIST, record = "ctr-review")
  Overview overview() {
    return reviews.overview(currentUser.get());
  }

  private ReviewView step(long reviewId, String taskKey, String what, Map<String, Object> given) {
    return reviews.step(currentUser.get(), reviewId, taskKey, what, given);
  }

  /**
   * Map.of refuses nulls; an absent value is kept as an empty string, which the step reads as
   * missing.
   */
  private static Object nullable(String value) {
    return value == null ? "" : value;
  }

  private static String plain(java.math.BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String recommendationsJson(Meeting request) {
    var array = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
    request
        .recommendations()
        .forEach(
            r ->
                array
                    .addObject()
                    .put("text", r.text())
                    .put("owner", r.owner())
                    .put("dueDate", r.dueDate() == null ? null : r.dueDate().toString()));
    return array.toString();
  }
}
