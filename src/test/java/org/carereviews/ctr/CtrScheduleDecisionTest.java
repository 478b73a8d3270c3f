package org.carereviews.ctr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.carereviews.support.ProcessTests;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the CTR scheduling policy, with its boundaries: age 17 and 18, secure or not, with
 * or without a community review.
 */
@Deployment(resources = "processes/ctr/CtrSchedule.dmn")
class CtrScheduleDecisionTest {

  @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  ProcessEngine processEngine;

  static Stream<Arguments> cases() {
    return Stream.of(
        // age, inHospital, setting, priorCommunityReview, outOfArea, rating -> what falls due
        Arguments.of(
            "adult of 18 admitted without a community review: post-admission in 4 weeks, then every 6 months",
            18,
            true,
            "NON_SECURE",
            false,
            false,
            "BLUE",
            List.of(
                "POST_ADMISSION P28D ADMISSION P28D",
                "INPATIENT_CTR P6M LAST_HOSPITAL_REVIEW P6W")),
        Arguments.of(
            "17-year-old admitted without a community review: post-admission CETR in 2 weeks, then every 3 months",
            17,
            true,
            "CHILDRENS",
            false,
            false,
            "BLUE",
            List.of("POST_ADMISSION P14D ADMISSION P14D", "CETR P3M LAST_HOSPITAL_REVIEW P4W")),
        Arguments.of(
            "adult of 18 admitted after a community review: no post-admission review",
            18,
            true,
            "NON_SECURE",
            true,
            false,
            "BLUE",
            List.of("INPATIENT_CTR P6M LAST_HOSPITAL_REVIEW P6W")),
        Arguments.of(
            "17-year-old admitted after a community review: CETR every 3 months only",
            17,
            true,
            "CHILDRENS",
            true,
            false,
            "BLUE",
            List.of("CETR P3M LAST_HOSPITAL_REVIEW P4W")),
        Arguments.of(
            "adult in a secure setting: every 12 months",
            45,
            true,
            "SECURE",
            true,
            false,
            "BLUE",
            List.of("INPATIENT_CTR P12M LAST_HOSPITAL_REVIEW P6W")),
        Arguments.of(
            "adult of 18 in a secure setting without a community review",
            18,
            true,
            "SECURE",
            false,
            false,
            "BLUE",
            List.of(
                "POST_ADMISSION P28D ADMISSION P28D",
                "INPATIENT_CTR P12M LAST_HOSPITAL_REVIEW P6W")),
        Arguments.of(
            "17-year-old in a secure setting: still a CETR every 3 months",
            17,
            true,
            "SECURE",
            true,
            false,
            "BLUE",
            List.of("CETR P3M LAST_HOSPITAL_REVIEW P4W")),
        Arguments.of(
            "adult out of area: oversight visit every 8 weeks",
            30,
            true,
            "NON_SECURE",
            true,
            true,
            "BLUE",
            List.of(
                "INPATIENT_CTR P6M LAST_HOSPITAL_REVIEW P6W",
                "OVERSIGHT_VISIT P8W LAST_OVERSIGHT_VISIT P2W")),
        Arguments.of(
            "17-year-old out of area: oversight visit every 6 weeks",
            17,
            true,
            "CHILDRENS",
            true,
            true,
            "BLUE",
            List.of(
                "CETR P3M LAST_HOSPITAL_REVIEW P4W",
                "OVERSIGHT_VISIT P6W LAST_OVERSIGHT_VISIT P2W")),
        Arguments.of(
            "18-year-old out of area: the adult interval",
            18,
            true,
            "NON_SECURE",
            true,
            true,
            "BLUE",
            List.of(
                "INPATIENT_CTR P6M LAST_HOSPITAL_REVIEW P6W",
                "OVERSIGHT_VISIT P8W LAST_OVERSIGHT_VISIT P2W")),
        Arguments.of(
            "adult in the community rated red: community CTR within 4 weeks",
            30,
            false,
            "NONE",
            false,
            false,
            "RED",
            List.of("COMMUNITY_CTR P28D RATED_RED P28D")),
        Arguments.of(
            "17-year-old in the community rated red: community CETR within 4 weeks",
            17,
            false,
            "NONE",
            false,
            false,
            "RED",
            List.of("COMMUNITY_CTR P28D RATED_RED P28D")),
        Arguments.of(
            "amber in the community: nothing scheduled",
            30,
            false,
            "NONE",
            false,
            false,
            "AMBER",
            List.of()),
        Arguments.of(
            "green in the community: nothing scheduled",
            17,
            false,
            "NONE",
            false,
            false,
            "GREEN",
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void schedulesWhatThePolicySays(
      String description,
      int age,
      boolean inHospital,
      String setting,
      boolean priorCommunityReview,
      boolean outOfArea,
      String rating,
      List<String> expected) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("age", age);
    facts.put("inHospital", inHospital);
    facts.put("setting", setting);
    facts.put("priorCommunityReview", priorCommunityReview);
    facts.put("outOfArea", outOfArea);
    facts.put("rating", rating);

    List<String> due =
        processEngine
            .getDecisionService()
            .evaluateDecisionTableByKey(CtrProcesses.SCHEDULE_DECISION, facts)
            .getResultList()
            .stream()
            .map(
                r ->
                    r.get("reviewKind")
                        + " "
                        + r.get("interval")
                        + " "
                        + r.get("anchor")
                        + " "
                        + r.get("startBefore"))
            .toList();

    assertThat(due).containsExactlyInAnyOrderElementsOf(expected);
  }
}
