package org.carereviews.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carereviews.savings.SavingsLineRouting;
import org.carereviews.support.ProcessTests;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of SavingsLineRouting.dmn, one case each (the first matching rule wins). */
@Deployment(resources = "processes/review/SavingsLineRouting.dmn")
class SavingsLineRoutingTest {

  @RegisterExtension static final ProcessEngineCoverageExtension ENGINE = ProcessTests.engine();

  ProcessEngine engine;

  @ParameterizedTest(name = "{4}: {0} {1} {2} {3} -> {5}")
  @CsvSource({
    "GROWTH, CTR_DISCHARGE,  LEARNING_DISABILITY,  SUPPORTED_LIVING, Rule_CtrDischargeGrowth,           CTR Growth,  GROWTH",
    "GROWTH, CTR_DISCHARGE,  AUTISM,               RESIDENTIAL,      Rule_CtrDischargeGrowth,           CTR Growth,  GROWTH",
    "GROWTH, INCREASE,       LEARNING_DISABILITY,  SUPPORTED_LIVING, Rule_AnyIncreaseIsGrowth,          DEMO Growth, GROWTH",
    "GROWTH, DIRECT_PAYMENT, OLDER_PEOPLE,         DIRECT_PAYMENT,   Rule_AnyIncreaseIsGrowth,          DEMO Growth, GROWTH",
    "SAVING, DIRECT_PAYMENT, AUTISM,               DIRECT_PAYMENT,   Rule_DirectPaymentDisabilities,    HWA Sav 07,  CASHABLE_SAVING",
    "SAVING, DIRECT_PAYMENT, OLDER_PEOPLE,         DIRECT_PAYMENT,   Rule_DirectPaymentOlderPeople,     HWA Sav 20,  CASHABLE_SAVING",
    "SAVING, DIRECT_PAYMENT, MENTAL_HEALTH,        DIRECT_PAYMENT,   Rule_DirectPaymentMentalHealth,    HWA Sav 10,  CASHABLE_SAVING",
    "SAVING, CHANGE_SERVICE, LEARNING_DISABILITY,  SHARED_LIVES,     Rule_CommunityPlacementWorkingAge, HWA Sav 08,  CASHABLE_SAVING",
    "SAVING, CHANGE_SERVICE, OLDER_PEOPLE,         EXTRA_CARE,       Rule_OlderPeopleBaseline,          HWA Sav 19,  CASHABLE_SAVING",
    "SAVING, REDUCE,         PHYSICAL_DISABILITY_SENSORY_IMPAIRMENT, HOME_CARE, Rule_DisabilitiesBaseline, HWA Sav 06, CASHABLE_SAVING",
    "SAVING, END,            OLDER_PEOPLE,         HOME_CARE,        Rule_OlderPeopleBaseline,          HWA Sav 19,  CASHABLE_SAVING",
    "SAVING, REFER_CHC,      MENTAL_HEALTH,        NURSING,          Rule_MentalHealthBaseline,         HWA Sav 09,  CASHABLE_SAVING",
    "SAVING, CHANGE_SERVICE, MENTAL_HEALTH,        RESIDENTIAL,      Rule_MentalHealthBaseline,         HWA Sav 09,  CASHABLE_SAVING",
  })
  void routesACostChangeToItsSavingsLine(
      String direction,
      String outcome,
      String clientGroup,
      String serviceType,
      String rule,
      String line,
      String kind) {
    DmnDecisionResult result =
        engine
            .getDecisionService()
            .evaluateDecisionByKey(SavingsLineRouting.DECISION)
            .variables(
                Map.of(
                    "direction",
                    direction,
                    "outcome",
                    outcome,
                    "clientGroup",
                    clientGroup,
                    "serviceType",
                    serviceType))
            .evaluate();

    assertThat(result.getFirstResult().<String>getEntry("savingsLineCode")).isEqualTo(line);
    assertThat(result.getFirstResult().<String>getEntry("savingsKind")).isEqualTo(kind);
    // Each case has its own deployment (removed with its history afterwards): one evaluation to
    // look at.
    assertThat(
            engine
                .getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .includeOutputs()
                .singleResult()
                .getOutputs())
        .first()
        .satisfies(output -> assertThat(output.getRuleId()).isEqualTo(rule));
  }
}
