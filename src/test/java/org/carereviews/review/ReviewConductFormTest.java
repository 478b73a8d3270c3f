package org.carereviews.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;

/** The review form words a deferral's question by who deferred: the panel, or the team manager. */
class ReviewConductFormTest {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  @Test
  void aTeamManagersDeferralIsWordedAsTheirs() throws IOException {
    Map<String, Object> variables =
        variables("Has the day centre confirmed a place?", "TEAM_MANAGER");

    assertThat(shownHeadings(variables)).containsExactly("### Your team manager asked");
  }

  @Test
  void aPanelDeferralIsWordedAsThePanels() throws IOException {
    assertThat(shownHeadings(variables("Has the day centre confirmed a place?", "PANEL")))
        .containsExactly("### The panel asked");
  }

  @Test
  void noQuestionNoHeading() throws IOException {
    assertThat(shownHeadings(variables(null, null))).isEmpty();
  }

  private static Map<String, Object> variables(String question, String decidedBy) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ReviewProcess.VAR_PANEL_QUESTION, question);
    variables.put(ReviewProcess.VAR_PANEL_DECIDED_BY, decidedBy);
    return variables;
  }

  /** The first line of each question text the form shows for these variables. */
  private static java.util.List<String> shownHeadings(Map<String, Object> variables)
      throws IOException {
    JsonNode form;
    try (InputStream in =
        ReviewConductFormTest.class.getResourceAsStream("/forms/review/review-conduct.form")) {
      form = new ObjectMapper().readTree(in);
    }
    java.util.List<String> shown = new java.util.ArrayList<>();
    for (JsonNode component : form.get("components")) {
      String text = component.path("text").asText("");
      if (!text.contains("{{panelQuestion}}")) {
        continue;
      }
      String hide = component.at("/conditional/hide").asText();
      Object hidden = FEEL.evaluateExpression(hide.substring(1), variables).result();
      if (!Boolean.TRUE.equals(hidden)) {
        shown.add(text.lines().findFirst().orElseThrow());
      }
    }
    return shown;
  }
}
