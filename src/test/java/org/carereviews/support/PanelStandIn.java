package org.carereviews.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.panel.PackageRequestCommand;
import org.carereviews.panel.PackageRequests;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelMessages;
import org.carereviews.panel.PanelOutcome;
import org.carereviews.panel.ProposedPackage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A stand-in for the spend-control panel, for tests only, until the real panel lands: it records the
 * package requests it is sent and lets a test decide one, which sends the decision message exactly as
 * the contract says ({@link PanelMessages#DECISION} to the asking process instance, with the request
 * id and outcome). Import it with {@code @Import(PanelStandIn.class)}; delete it once the panel's own
 * {@link PackageRequests} bean exists, and decide through the panel's API instead.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PanelStandIn {

  @Bean
  StandInPanel standInPanel(RuntimeService runtime) {
    return new StandInPanel(runtime);
  }

  /** The stand-in itself: the application sees it as {@link PackageRequests}. */
  public static class StandInPanel implements PackageRequests {

    private final RuntimeService runtime;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<Long, PackageRequestCommand> requests = new ConcurrentHashMap<>();
    private final Map<Long, PanelDecisionView> decisions = new ConcurrentHashMap<>();
    private final List<Long> submitted = new CopyOnWriteArrayList<>();

    StandInPanel(RuntimeService runtime) {
      this.runtime = runtime;
    }

    @Override
    public long submit(PackageRequestCommand command) {
      for (Long id : submitted) {
        PackageRequestCommand earlier = requests.get(id);
        if (command.sourceProcessInstanceId() != null
            && command.sourceProcessInstanceId().equals(earlier.sourceProcessInstanceId()) && !decisions.containsKey(id)) {
          return id;
        }
      }
      long id = ids.incrementAndGet();
      requests.put(id, command);
      submitted.add(id);
      return id;
    }

    @Override
    public PanelDecisionView decision(long requestId) {
      PanelDecisionView decision = decisions.get(requestId);
      if (decision == null) {
        throw new RecordNotFoundException("panel decision for request", requestId);
      }
      return decision;
    }

    /** The request last submitted for a process instance. */
    public long requestOf(String processInstanceId) {
      return submitted.stream().filter(id -> processInstanceId.equals(requests.get(id).sourceProcessInstanceId()))
          .reduce((first, second) -> second)
          .orElseThrow(() -> new AssertionError("no package request from process " + processInstanceId));
    }

    public PackageRequestCommand command(long requestId) {
      return requests.get(requestId);
    }

    public void approve(long requestId) {
      decide(new PanelDecisionView(requestId, PanelOutcome.APPROVED, null, "Meets the outcomes at lower cost", null,
          null, List.of("panel.asc", "panel.finance", "panel.commissioning"), Instant.now()));
    }

    public void approveWithAmendment(long requestId, ProposedPackage amended) {
      decide(new PanelDecisionView(requestId, PanelOutcome.APPROVED_WITH_AMENDMENT, amended,
          "Approved at the framework rate", null, null, List.of("panel.asc", "panel.finance", "panel.commissioning"),
          Instant.now()));
    }

    public void defer(long requestId, String question, LocalDate returnBy) {
      decide(new PanelDecisionView(requestId, PanelOutcome.DEFERRED, null, "More information needed", question, returnBy,
          List.of("panel.asc", "panel.finance", "panel.commissioning"), Instant.now()));
    }

    public void decline(long requestId, String rationale) {
      decide(new PanelDecisionView(requestId, PanelOutcome.DECLINED, null, rationale, null, null,
          List.of("panel.asc", "panel.finance", "panel.commissioning"), Instant.now()));
    }

    /** Records the decision and sends the decision message to the asking process, as the panel will. */
    public void decide(PanelDecisionView decision) {
      decisions.put(decision.requestId(), decision);
      runtime.createMessageCorrelation(PanelMessages.DECISION)
          .processInstanceId(requests.get(decision.requestId()).sourceProcessInstanceId())
          .setVariable(PanelMessages.VAR_REQUEST_ID, decision.requestId())
          .setVariable(PanelMessages.VAR_OUTCOME, decision.outcome().name())
          .correlate();
    }

    /** Records a decision without sending the message: for tests of what happens when it arrives twice. */
    public void recordOnly(PanelDecisionView decision) {
      decisions.put(decision.requestId(), decision);
    }
  }
}
