package org.carereviews.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carereviews.panel.PackageRequest;
import org.carereviews.panel.PanelProcesses;
import org.carereviews.panel.PanelRequestService;
import org.carereviews.panel.PanelRoute;
import org.carereviews.panel.ProposedPackage;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decides package requests through the real panel's API, as its users would: a team manager of the
 * person's team for requests within delegated authority, otherwise a quorate meeting of today
 * (opened and seated as needed) with the ASC member deciding. Then runs the request process's
 * asynchronous step that sends the decision back, for tests that run with the job executor off.
 */
public final class PanelDesk {

  private final Api api;
  private final JdbcTemplate jdbc;
  private final PanelRequestService requests;
  private final RuntimeService runtime;
  private final ManagementService management;

  public PanelDesk(
      Api api,
      JdbcTemplate jdbc,
      PanelRequestService requests,
      RuntimeService runtime,
      ManagementService management) {
    this.api = api;
    this.jdbc = jdbc;
    this.requests = requests;
    this.runtime = runtime;
    this.management = management;
  }

  /** The latest request a process instance sent. */
  public long requestOf(String processInstanceId) {
    List<Long> ids =
        jdbc.queryForList(
            "select id from package_request where source_process_instance_id = ? order by received_at desc, id desc",
            Long.class,
            processInstanceId);
    assertThat(ids).as("package requests from process " + processInstanceId).isNotEmpty();
    return ids.get(0);
  }

  public PackageRequest request(long requestId) {
    return requests.request(requestId);
  }

  /** Today's meeting as the API shows it (opened and seated if need be). */
  public JsonNode quorateMeetingToday() {
    api.post("panel.asc", "/api/panel/meetings", "{}", HttpStatus.CREATED);
    api.post("panel.asc", "/api/panel/meetings/today/seats", "{\"seat\": \"ASC\"}", HttpStatus.OK);
    api.post(
        "panel.finance",
        "/api/panel/meetings/today/seats",
        "{\"seat\": \"FINANCE\"}",
        HttpStatus.OK);
    return api.post(
        "panel.commissioning",
        "/api/panel/meetings/today/seats",
        "{\"seat\": \"COMMISSIONING\"}",
        HttpStatus.OK);
  }

  public JsonNode approve(long requestId) {
    return decide(requestId, "\"outcome\": \"APPROVED\"");
  }

  public JsonNode approveWithAmendment(long requestId, ProposedPackage amended) {
    return decide(
        requestId,
        "\"outcome\": \"APPROVED_WITH_AMENDMENT\", \"rationale\": \"Approved at the framework rate\","
            + " \"amended\": {\"serviceType\": \""
            + amended.serviceType()
            + "\", \"provider\": \""
            + amended.provider()
            + "\", \"weeklyGrossCost\": "
            + amended.weeklyGrossCost()
            + ", \"assessedContribution\": "
            + amended.assessedContribution()
            + ", \"nhsSharePercent\": "
            + amended.nhsSharePercent().toPlainString()
            + ", \"effectiveDate\": \""
            + amended.effectiveDate()
            + "\"}");
  }

  public JsonNode defer(long requestId, String question, LocalDate returnBy) {
    return decide(
        requestId,
        "\"outcome\": \"DEFERRED\", \"rationale\": \"More information needed\", \"question\": \""
            + question
            + "\", \"returnBy\": \""
            + returnBy
            + "\"");
  }

  public JsonNode decline(long requestId, String rationale) {
    return decide(requestId, "\"outcome\": \"DECLINED\", \"rationale\": \"" + rationale + "\"");
  }

  private JsonNode decide(long requestId, String fields) {
    PackageRequest request = requests.request(requestId);
    JsonNode decision;
    if (request.getRoute() == PanelRoute.PANEL) {
      quorateMeetingToday();
      decision =
          api.post(
              "panel.asc",
              "/api/panel/requests/" + requestId + "/decision",
              "{" + fields + ", \"seat\": \"ASC\"}",
              HttpStatus.OK);
    } else {
      String teamManager = "tm." + request.getTeamCode().toLowerCase(Locale.ROOT);
      decision =
          api.post(
              teamManager,
              "/api/panel/requests/" + requestId + "/decision",
              "{" + fields + "}",
              HttpStatus.OK);
    }
    sendDecision(requestId);
    return decision;
  }

  /**
   * Runs the request process's asynchronous "send decision" step (the job executor is off in such
   * tests).
   */
  public void sendDecision(long requestId) {
    ProcessInstance process =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(PanelProcesses.requestBusinessKey(requestId))
            .singleResult();
    if (process == null) {
      return;
    }
    for (Job job :
        management.createJobQuery().processInstanceId(process.getId()).messages().list()) {
      management.executeJob(job.getId());
    }
  }
}
