package org.carereviews.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.panel.PackageRequestCommand;
import org.carereviews.panel.PackageRequests;
import org.carereviews.panel.PanelDecisionView;
import org.carereviews.panel.PanelOutcome;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A stand-in for the spend-control panel, for tests only, until the real panel (issue: the panel)
 * provides the {@link PackageRequests} bean: it keeps each request it is sent and a decision the
 * test sets; the test then sends the {@code PanelDecision} message itself, as the panel will.
 * Delete this class, and its imports in the tests, once the panel exists.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PanelStandIn {

  @Bean
  Requests packageRequests() {
    return new Requests();
  }

  /** Records requests; decisions are what the test says. */
  public static class Requests implements PackageRequests {

    private final AtomicLong ids = new AtomicLong(9000);
    private final Map<Long, PackageRequestCommand> requests = new ConcurrentHashMap<>();
    private final Map<Long, PanelDecisionView> decisions = new ConcurrentHashMap<>();

    @Override
    public long submit(PackageRequestCommand command) {
      long id = ids.incrementAndGet();
      requests.put(id, command);
      return id;
    }

    @Override
    public PanelDecisionView decision(long requestId) {
      PanelDecisionView decision = decisions.get(requestId);
      if (decision == null) {
        throw new RecordNotFoundException("panel decision on request", requestId);
      }
      return decision;
    }

    /** Decides a request as the panel would (the test then sends the decision message). */
    public void decide(long requestId, PanelOutcome outcome, String rationale) {
      decisions.put(requestId, new PanelDecisionView(requestId, outcome, null, rationale, null, null,
          List.of("panel.asc", "panel.finance", "panel.commissioning"), Instant.now()));
    }

    public Map<Long, PackageRequestCommand> submitted() {
      return Map.copyOf(requests);
    }

    public List<Long> requestIdsFrom(String processInstanceId) {
      List<Long> found = new ArrayList<>();
      requests.forEach((id, command) -> {
        if (processInstanceId.equals(command.sourceProcessInstanceId())) {
          found.add(id);
        }
      });
      return found;
    }
  }
}
