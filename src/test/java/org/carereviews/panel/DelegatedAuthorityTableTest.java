package org.carereviews.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Every rule of DelegatedAuthority.dmn, its boundaries, and that editing the table changes routing.
 */
class DelegatedAuthorityTableTest {

  private static final Path TABLE = Path.of("processes/panel/DelegatedAuthority.dmn");
  private static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private static Map<String, Object> request() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("urgentReason", null);
    inputs.put("requestType", "PACKAGE_CHANGE");
    inputs.put("clientGroup", "OLDER_PEOPLE");
    inputs.put("serviceType", "HOME_CARE");
    inputs.put("proposedWeeklyCost", new BigDecimal("400.00"));
    inputs.put("weeklyIncrease", new BigDecimal("50.00"));
    inputs.put("annualCost", new BigDecimal("20857.14"));
    return inputs;
  }

  private static DmnDecisionResultEntries evaluate(String xml, Map<String, Object> inputs) {
    DmnDecision decision =
        ENGINE.parseDecision(
            "DelegatedAuthority", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return ENGINE.evaluateDecision(decision, inputs).getSingleResult();
  }

  private static String table() throws IOException {
    return Files.readString(TABLE);
  }

  private static String route(Map<String, Object> inputs) throws IOException {
    return evaluate(table(), inputs).getEntry("route");
  }

  @Test
  void ruleUrgentStartGoesToTheUrgentRouteForHospitalDischargeAndSafeguarding() throws IOException {
    for (String reason : new String[] {"HOSPITAL_DISCHARGE", "SAFEGUARDING"}) {
      Map<String, Object> inputs = request();
      inputs.put("urgentReason", reason);
      inputs.put("serviceType", "NURSING");
      inputs.put("annualCost", new BigDecimal("90000"));
      assertThat(route(inputs)).as(reason).isEqualTo("URGENT");
    }
  }

  @Test
  void ruleEverythingToPanelIsOffAsShipped() throws IOException {
    assertThat(route(request())).isEqualTo("TEAM_MANAGER");
  }

  @Test
  void ruleEverythingToPanelSendsEveryNonUrgentRequestToPanelWhenTheCouncilSwitchesItOn()
      throws IOException {
    String switchedOn =
        table()
            .replace(
                "<inputEntry id=\"Rule_EverythingToPanel_In1\"><text>false</text></inputEntry>",
                "<inputEntry id=\"Rule_EverythingToPanel_In1\"><text>true</text></inputEntry>");
    assertThat(switchedOn).isNotEqualTo(table());
    DmnDecisionResultEntries result = evaluate(switchedOn, request());
    assertThat((String) result.getEntry("route")).isEqualTo("PANEL");
    assertThat((String) result.getEntry("rule"))
        .isEqualTo("Council policy: every request goes to panel");
    Map<String, Object> urgent = request();
    urgent.put("urgentReason", "SAFEGUARDING");
    assertThat((String) evaluate(switchedOn, urgent).getEntry("route")).isEqualTo("URGENT");
  }

  @Test
  void rulePlacementsToPanelSendsResidentialAndNursingToPanelHoweverCheap() throws IOException {
    for (String service : new String[] {"RESIDENTIAL", "NURSING"}) {
      Map<String, Object> inputs = request();
      inputs.put("serviceType", service);
      inputs.put("weeklyIncrease", new BigDecimal("-100"));
      inputs.put("annualCost", new BigDecimal("1000"));
      assertThat(route(inputs)).as(service).isEqualTo("PANEL");
    }
  }

  @Test
  void ruleDischargesToPanelSendsCtrDischargesToPanel() throws IOException {
    Map<String, Object> inputs = request();
    inputs.put("requestType", "CTR_DISCHARGE");
    assertThat(route(inputs)).isEqualTo("PANEL");
  }

  @Test
  void ruleTeamManagerAuthorityCoversUpToThirtyFiveThousandAYearAndIncreasesUnderOneHundredAWeek()
      throws IOException {
    Map<String, Object> atLimits = request();
    atLimits.put("annualCost", new BigDecimal("35000.00"));
    atLimits.put("weeklyIncrease", new BigDecimal("99.99"));
    assertThat(route(atLimits)).isEqualTo("TEAM_MANAGER");

    Map<String, Object> reduction = request();
    reduction.put("weeklyIncrease", new BigDecimal("-250.00"));
    assertThat(route(reduction)).isEqualTo("TEAM_MANAGER");

    Map<String, Object> newPackage = request();
    newPackage.put("requestType", "NEW_PACKAGE");
    assertThat(route(newPackage)).isEqualTo("TEAM_MANAGER");
  }

  @Test
  void ruleAboveDelegatedAuthoritySendsTheRestToPanel() throws IOException {
    Map<String, Object> overAnnual = request();
    overAnnual.put("annualCost", new BigDecimal("35000.01"));
    assertThat(route(overAnnual)).isEqualTo("PANEL");

    Map<String, Object> bigIncrease = request();
    bigIncrease.put("weeklyIncrease", new BigDecimal("100.00"));
    assertThat(route(bigIncrease)).isEqualTo("PANEL");
    assertThat((String) evaluate(table(), bigIncrease).getEntry("rule"))
        .isEqualTo("Above a team manager's delegated authority");
  }

  @Test
  void raisingTheThresholdInTheTableChangesRoutingWithoutACodeChange() throws IOException {
    Map<String, Object> inputs = request();
    inputs.put("annualCost", new BigDecimal("45000"));
    assertThat(route(inputs)).isEqualTo("PANEL");
    String raised = table().replace("<text>&lt;= 35000</text>", "<text>&lt;= 49000</text>");
    assertThat(raised).isNotEqualTo(table());
    assertThat((String) evaluate(raised, inputs).getEntry("route")).isEqualTo("TEAM_MANAGER");
  }

  @Test
  void theShippedTableParses() throws IOException {
    try (InputStream in = Files.newInputStream(TABLE)) {
      assertThat(ENGINE.parseDecisions(in)).hasSize(1);
    }
  }
}
