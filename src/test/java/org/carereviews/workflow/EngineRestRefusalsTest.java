package org.carereviews.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RefusalSentences;
import org.carereviews.common.web.StateConflictException;
import org.junit.jupiter.api.Test;

/**
 * Refusals through Camunda's REST API as plain sentences with their subject, and problem details
 * naming the field.
 */
class EngineRestRefusalsTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aFieldRefusalReadsAsASentenceWithTheFieldAsTheFormLabelsIt() {
    assertThat(
            RefusalSentences.of(
                "proposedWeeklyGrossCost",
                "must be at most GBP 15,000.00 a week (the ceiling set by the council)"))
        .isEqualTo(
            "Weekly gross cost must be at most GBP 15,000.00 a week (the ceiling set by the council).");
    assertThat(RefusalSentences.of("recommendation2Owner", "is not a known user: 'nobody'"))
        .isEqualTo("Owner of recommendation 2 is not a known user: 'nobody'.");
    assertThat(
            RefusalSentences.of(
                "recommendation3DueDate", "must not be before the meeting (2026-05-04)"))
        .isEqualTo("Due date of recommendation 3 must not be before the meeting (2026-05-04).");
    assertThat(RefusalSentences.of("answerSafe", "is required"))
        .isEqualTo("The answer to 'Am I safe?' is required.");
    assertThat(RefusalSentences.of("newCostLive", "must be confirmed before validating"))
        .isEqualTo("'The new cost is live' must be confirmed before validating.");
  }

  @Test
  void aFieldWithoutALabelIsNamedInWordsAndAListItemByItsNumber() {
    assertThat(
            RefusalSentences.of(
                "recommendations[1].owner", "is required: every recommendation has an owner"))
        .isEqualTo("Owner of recommendation 2 is required: every recommendation has an owner.");
    assertThat(RefusalSentences.of("someNhsFigure", "must not be negative"))
        .isEqualTo("Some NHS figure must not be negative.");
  }

  @Test
  void aMessageThatIsASentenceOfItsOwnIsKept() {
    assertThat(
            RefusalSentences.of(
                "changeInNeed", "a reduction must rest on a recorded change in need"))
        .isEqualTo("A reduction must rest on a recorded change in need.");
    assertThat(RefusalSentences.of(null, "Already decided.")).isEqualTo("Already decided.");
  }

  @Test
  void findsOurRefusalUnderTheEngineAndRestWrappingsAndNamesTheField() throws Exception {
    InvalidRequestException refusal =
        new InvalidRequestException(
            "proposedWeeklyGrossCost",
            "must be at most GBP 15,000.00 a week (the ceiling set by the council)");
    ProcessEngineException engine =
        new ProcessEngineException(
            "ENGINE-03051 There was an exception while invoking "
                + "the TaskListener. Message: '"
                + refusal.getMessage()
                + "'",
            refusal);
    RestException rest =
        new RestException(
            Response.Status.INTERNAL_SERVER_ERROR,
            engine,
            "Cannot submit task form t1: " + engine.getMessage());

    Response answer = new EngineRestRefusals.FromRestException().toResponse(rest);

    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(answer.getMediaType().toString()).isEqualTo("application/problem+json");
    JsonNode body = json.readTree((String) answer.getEntity());
    assertThat(body.get("message").asText())
        .isEqualTo(
            "Weekly gross cost must be at most GBP 15,000.00 a week (the ceiling set by the council).");
    assertThat(body.get("detail").asText()).isEqualTo(body.get("message").asText());
    assertThat(body.at("/errors/0/field").asText()).isEqualTo("proposedWeeklyGrossCost");
    assertThat(body.toString()).doesNotContain("ENGINE-");
  }

  @Test
  void aConflictIs409AndAnythingElseIsAnsweredAsCamundaAnswersIt() throws Exception {
    Response conflict =
        new EngineRestRefusals.FromProcessEngineException()
            .toResponse(
                new ProcessEngineException(
                    "ENGINE-03051 ...",
                    new StateConflictException("the request is already decided")));
    assertThat(conflict.getStatus()).isEqualTo(409);
    assertThat(json.readTree((String) conflict.getEntity()).get("message").asText())
        .isEqualTo("The request is already decided.");

    Response other =
        new EngineRestRefusals.FromProcessEngineException()
            .toResponse(new ProcessEngineException("something else"));
    assertThat(other.getStatus()).isEqualTo(500);
  }
}
