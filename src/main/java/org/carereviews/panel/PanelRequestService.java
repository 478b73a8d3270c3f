package org.carereviews.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carereviews.casebook.CasebookService;
import org.carereviews.casebook.CasebookService.PackageSnapshot;
import org.carereviews.casebook.CasebookService.PersonSnapshot;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.Roles;
import org.carereviews.savings.SavingsEffectCalculator;
import org.carereviews.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The entry point for package requests: records each request with a copy of the current package and
 * the proposal, asks delegated authority who decides, and starts the request's process. Sends the
 * decision back to the asking process exactly once.
 */
@Service
public class PanelRequestService implements PackageRequests {

  private static final Logger log = LoggerFactory.getLogger(PanelRequestService.class);

  /** The most a proposal may cost a week; anything more is a typing error. */
  static final Money WEEKLY_CEILING = Money.ofPounds(50_000);

  private static final DateTimeFormatter SENT =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  private final PackageRequestRecords requests;
  private final WaitingPackageRequests waiting;
  private final PlatformTransactionManager transactionManager;
  private final PanelDecisions decisions;
  private final PanelDecisionDeliveries deliveries;
  private final CasebookService casebook;
  private final DelegatedAuthority delegatedAuthority;
  private final SavingsEffectCalculator effects;
  private final WorkingDays workingDays;
  private final PanelProperties properties;
  private final Workflow workflow;
  private final Clock clock;

  PanelRequestService(
      PackageRequestRecords requests,
      PanelDecisions decisions,
      PanelDecisionDeliveries deliveries,
      CasebookService casebook,
      DelegatedAuthority delegatedAuthority,
      SavingsEffectCalculator effects,
      WorkingDays workingDays,
      PanelProperties properties,
      Workflow workflow,
      Clock clock,
      WaitingPackageRequests waiting,
      PlatformTransactionManager transactionManager) {
    this.requests = requests;
    this.waiting = waiting;
    this.transactionManager = transactionManager;
    this.decisions = decisions;
    this.deliveries = deliveries;
    this.casebook = casebook;
    this.delegatedAuthority = delegatedAuthority;
    this.effects = effects;
    this.workingDays = workingDays;
    this.properties = properties;
    this.workflow = workflow;
    this.clock = clock;
  }

  @Override
  @Transactional
  public PackageRequestId submit(PackageRequestCommand command) {
    if (command.sourceProcessInstanceId() != null) {
      Optional<PackageRequest> open =
          requests
              .findBySourceProcessInstanceIdOrderByReceivedAtDesc(command.sourceProcessInstanceId())
              .stream()
              .filter(r -> !decisions.existsByRequestIdAndStage(r.getId(), DecisionStage.DECISION))
              .findFirst();
      if (open.isPresent()) {
        return PackageRequestId.of(open.get().getId());
      }
    }
    PersonSnapshot person = casebook.personSnapshot(command.personId());
    PackageSnapshot currentPackage = currentPackage(command);
    PackageTerms current = currentPackage == null ? null : currentPackage.terms();
    validate(command);
    if (currentPackage != null) {
      waiting
          .findById(currentPackage.packageId())
          .ifPresent(
              first -> {
                throw secondRequest(currentPackage, first);
              });
    }
    Money currentNet = current == null ? Money.ZERO : current.getNetWeeklyCost();
    Money proposedNet = command.proposed().netWeeklyCost();
    Money weeklyChange = proposedNet.minus(currentNet);
    Money fullYearChange =
        effects.effectOf(weeklyChange, command.proposed().effectiveDate()).fullYearEffect();
    Money annualCost =
        effects.effectOf(proposedNet, command.proposed().effectiveDate()).fullYearEffect();
    DelegatedAuthority.Routing routing =
        delegatedAuthority.route(command, person.clientGroup(), weeklyChange, annualCost);
    Instant now = Instant.now(clock);
    LocalDate retrospectiveDue =
        routing.route() == PanelRoute.URGENT
            ? workingDays.plusWorkingDays(
                LocalDate.now(clock), properties.retrospectiveWorkingDays())
            : null;
    PackageRequest request =
        requests.saveAndFlush(
            new PackageRequest(
                command,
                person.teamCode(),
                person.clientGroup(),
                current,
                fullYearChange,
                annualCost,
                routing.route(),
                routing.rule(),
                retrospectiveDue,
                now));
    if (currentPackage != null) {
      holdPackage(currentPackage, request);
    }
    startProcess(request);
    log.info("Package request {} received, route {}", request.getId(), request.getRoute());
    return PackageRequestId.of(request.getId());
  }

  @Override
  @Transactional(readOnly = true)
  public void refuseWhileWaiting(long packageId) {
    waiting
        .findById(packageId)
        .ifPresent(
            first -> {
              throw secondRequest(casebook.packageSnapshot(packageId), first);
            });
  }

  /**
   * Marks the request as the one waiting for a decision on its package. Two requests made at once
   * both pass the check in {@link #submit}; the primary key lets only one through, and the other is
   * refused naming the first (read in a transaction of its own: this one can no longer read after
   * the refusal).
   */
  private void holdPackage(PackageSnapshot currentPackage, PackageRequest request) {
    try {
      waiting.saveAndFlush(
          new WaitingPackageRequest(
              currentPackage.packageId(), request.getId(), request.getReceivedAt()));
    } catch (DataIntegrityViolationException e) {
      TransactionTemplate readFirst = new TransactionTemplate(transactionManager);
      readFirst.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
      readFirst.setReadOnly(true);
      Optional<WaitingPackageRequest> first =
          readFirst.execute(status -> waiting.findById(currentPackage.packageId()));
      throw first == null || first.isEmpty()
          ? new StateConflictException(
              currentPackage.packageReference()
                  + " already has a package request waiting "
                  + "for a decision: one request per package waits at a time")
          : secondRequest(currentPackage, first.get());
    }
  }

  private StateConflictException secondRequest(
      PackageSnapshot currentPackage, WaitingPackageRequest first) {
    LocalDate sent = first.getReceivedAt().atZone(clock.getZone()).toLocalDate();
    return new StateConflictException(
        currentPackage.packageReference()
            + " already has request "
            + first.getRequestId()
            + " waiting for a decision (sent "
            + SENT.format(sent)
            + "): one request per package "
            + "waits at a time; the second can be made once the first is decided");
  }

  private PackageSnapshot currentPackage(PackageRequestCommand command) {
    if (command.type() == PackageRequestType.PACKAGE_CHANGE) {
      if (command.currentPackageId() == null) {
        throw new InvalidRequestException(
            "currentPackageId", "is needed for a change to a package");
      }
      PackageSnapshot snapshot = casebook.packageSnapshot(command.currentPackageId());
      if (snapshot.personId() != command.personId()) {
        throw new InvalidRequestException("currentPackageId", "is not a package of this person");
      }
      return snapshot;
    }
    if (command.currentPackageId() != null) {
      throw new InvalidRequestException("currentPackageId", "is only for a change to a package");
    }
    return null;
  }

  private static void validate(PackageRequestCommand command) {
    ProposedPackage proposed = command.proposed();
    validateFigures("proposed", proposed);
    if (command.reason() == null || command.reason().isBlank()) {
      throw new InvalidRequestException("reason", "must say why the package is needed");
    }
  }

  /** The checks every set of figures passes, proposed or amended. */
  static void validateFigures(String field, ProposedPackage figures) {
    if (figures.weeklyGrossCost().isNegative()) {
      throw new InvalidRequestException(field + ".weeklyGrossCost", "must not be negative");
    }
    if (figures.weeklyGrossCost().isGreaterThan(WEEKLY_CEILING)) {
      throw new InvalidRequestException(
          field + ".weeklyGrossCost", "must be at most " + WEEKLY_CEILING + " a week");
    }
    if (figures.assessedContribution().isNegative()) {
      throw new InvalidRequestException(field + ".assessedContribution", "must not be negative");
    }
    if (figures.assessedContribution().isGreaterThan(figures.weeklyGrossCost())) {
      throw new InvalidRequestException(
          field + ".assessedContribution", "must not be more than the weekly gross cost");
    }
    if (figures.nhsSharePercent().signum() < 0
        || figures.nhsSharePercent().compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
      throw new InvalidRequestException(field + ".nhsSharePercent", "must be between 0 and 100");
    }
    if (figures.nhsSharePercent().stripTrailingZeros().scale() > 2) {
      throw new InvalidRequestException(
          field + ".nhsSharePercent", "must have at most two decimal places");
    }
    if (figures.provider().isBlank()) {
      throw new InvalidRequestException(field + ".provider", "must name the provider");
    }
  }

  private void startProcess(PackageRequest request) {
    Map<String, Object> variables = new HashMap<>();
    PanelMessages.REQUEST_ID.put(variables, request.getId());
    PanelProcesses.ROUTE.put(variables, request.getRoute().name());
    PanelProcesses.TEAM_GROUP.put(variables, Roles.teamGroup(request.getTeamCode()));
    if (request.getRetrospectiveDue() != null) {
      // The end of the last working day allowed, in the service's time zone.
      Instant due =
          request.getRetrospectiveDue().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
      PanelProcesses.RETROSPECTIVE_DUE.put(variables, Date.from(due));
    }
    workflow.start(
        PanelProcesses.REQUEST_PROCESS,
        PanelProcesses.requestBusinessKey(request.getId()),
        variables);
  }

  @Override
  @Transactional(readOnly = true)
  public PanelDecisionView decision(PackageRequestId requestId) {
    return decisions
        .findByRequestIdAndStage(requestId.value(), DecisionStage.DECISION)
        .map(PanelDecision::view)
        .orElseThrow(
            () -> new RecordNotFoundException("decision on package request", requestId.value()));
  }

  @Transactional(readOnly = true)
  public PackageRequest request(long requestId) {
    return requests
        .findById(requestId)
        .orElseThrow(() -> new RecordNotFoundException("package request", requestId));
  }

  /**
   * Sends a request's decision to the process that asked, once: the delivery record's primary key
   * refuses a second delivery, and the message and the record commit together or not at all.
   *
   * @return whether a message was sent (false when nothing waits for this request)
   */
  @Transactional
  public boolean deliverDecision(long requestId) {
    PackageRequest request = request(requestId);
    if (request.getSourceProcessInstanceId() == null || deliveries.existsById(requestId)) {
      return false;
    }
    PanelDecision decision =
        decisions
            .findByRequestIdAndStage(requestId, DecisionStage.DECISION)
            .orElseThrow(
                () ->
                    new IllegalStateException("request " + requestId + " has no decision to send"));
    deliveries.saveAndFlush(
        new PanelDecisionDelivery(
            requestId,
            request.getSourceProcessInstanceId(),
            decision.getOutcome(),
            Instant.now(clock)));
    Map<String, Object> variables = new HashMap<>();
    PanelMessages.REQUEST_ID.put(variables, requestId);
    PanelMessages.OUTCOME.put(variables, decision.getOutcome().name());
    if (!workflow.correlate(
        PanelMessages.DECISION, request.getSourceProcessInstanceId(), variables)) {
      throw new IllegalStateException(
          "process "
              + request.getSourceProcessInstanceId()
              + " is not waiting for the decision on request "
              + requestId);
    }
    return true;
  }

  /** A person's earlier requests, newest first. */
  @Transactional(readOnly = true)
  public List<PackageRequest> requestsOf(long personId) {
    return requests.findByPersonIdOrderByReceivedAtDesc(personId);
  }
}
