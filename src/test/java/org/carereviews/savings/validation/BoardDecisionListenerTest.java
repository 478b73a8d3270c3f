package org.carereviews.savings.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.savings.validation.SavingsProcesses.Board;
import org.carereviews.workflow.Workflow;
import org.junit.jupiter.api.Test;

/**
 * The board's listeners keep the engine's variables short: the ratification task carries a bounded
 * summary, a Tasklist form's hold-backs (kept in the engine's history) are bounded, and the API's
 * hold-backs, however many, pass as a transient variable that is never stored.
 */
class BoardDecisionListenerTest {

  private final ChangeAndEfficiencyBoard board = mock(ChangeAndEfficiencyBoard.class);
  private final Workflow workflow = mock(Workflow.class);
  private final DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
  private final SavingsDelegates delegates = new SavingsDelegates(Clock.systemUTC());
  private final TaskListener recordBoardDecision = delegates.recordBoardDecision(board, workflow);

  private static Map<Long, String> holdBacks(int count) {
    Map<Long, String> holdBacks = new LinkedHashMap<>();
    for (long id = 1; id <= count; id++) {
      holdBacks.put(id, "The provider's invoice for this package is disputed and not yet settled");
    }
    return holdBacks;
  }

  @Test
  void aTasklistFormsHoldBacksLongerThanTheFormTakesAreRefusedWithTheField() {
    String text = HoldBacks.text(holdBacks(60));
    assertThat(text.length()).isGreaterThan(Board.HOLD_BACKS_FORM_MAX);
    when(task.getVariable(Board.VAR_MEETING_ID)).thenReturn(3L);
    when(task.getVariableTyped(Board.FIELD_HOLD_BACKS)).thenReturn(Variables.stringValue(text));

    assertThatThrownBy(() -> recordBoardDecision.notify(task))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo(Board.FIELD_HOLD_BACKS));
    verify(board, never()).decide(any(), anyLong(), anyMap());
  }

  @Test
  void theApisHoldBacksPassTransientHoweverManyThereAre() {
    Map<Long, String> many = holdBacks(500);
    when(task.getVariable(Board.VAR_MEETING_ID)).thenReturn(3L);
    when(task.getVariableTyped(Board.FIELD_HOLD_BACKS))
        .thenReturn(Variables.stringValue(HoldBacks.text(many), true));

    recordBoardDecision.notify(task);

    verify(board).decide(any(), eq(3L), argThat(given -> given.equals(many)));
  }

  @Test
  void aShortTasklistHoldBackIsDecided() {
    when(task.getVariable(Board.VAR_MEETING_ID)).thenReturn(3L);
    when(task.getVariableTyped(Board.FIELD_HOLD_BACKS))
        .thenReturn(Variables.stringValue("12: invoice disputed"));

    recordBoardDecision.notify(task);

    verify(board)
        .decide(any(), eq(3L), argThat(given -> given.equals(Map.of(12L, "invoice disputed"))));
  }

  @Test
  void theRatificationTaskCarriesTheListsSummaryNotTheList() {
    when(task.getVariable(Board.VAR_MEETING_ID)).thenReturn(3L);
    when(board.summary(3L))
        .thenReturn("cashable saving: 1000, GBP -1.00 full year, GBP -1.00 in year");

    delegates.prepareBoardList(board).notify(task);

    verify(task)
        .setVariableLocal(
            eq(Board.VAR_SUMMARY),
            argThat(
                value ->
                    "cashable saving: 1000, GBP -1.00 full year, GBP -1.00 in year"
                        .equals(
                            ((org.camunda.bpm.engine.variable.value.TypedValue) value)
                                .getValue())));
  }
}
