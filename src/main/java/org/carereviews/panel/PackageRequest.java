package org.carereviews.panel;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.PackageTerms;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;
import org.carereviews.common.MoneyConverter;
import org.hibernate.annotations.Immutable;

/**
 * A package request as it arrived: the person, the current package (a copy of its terms then), the
 * proposal, the weekly and full-year change and where delegated authority routed it. Never edited.
 */
@Entity
@Immutable
@Table(name = "package_request")
public class PackageRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "package_request_seq")
  @SequenceGenerator(
      name = "package_request_seq",
      sequenceName = "package_request_seq",
      allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  private PackageRequestType requestType;

  @Enumerated(EnumType.STRING)
  private UrgentReason urgentReason;

  private Long personId;

  private String teamCode;

  @Enumerated(EnumType.STRING)
  private ClientGroup clientGroup;

  private Long currentPackageId;

  @Enumerated(EnumType.STRING)
  private ServiceType currentServiceType;

  private String currentProvider;

  @Convert(converter = MoneyConverter.class)
  private Money currentWeeklyGross;

  @Convert(converter = MoneyConverter.class)
  private Money currentContribution;

  private BigDecimal currentNhsShare;

  @Convert(converter = MoneyConverter.class)
  private Money currentNetWeekly;

  /**
   * The current package's own dates when the request arrived (null on requests made before they
   * were kept).
   */
  private LocalDate currentStartDate;

  private LocalDate currentEndDate;

  @Enumerated(EnumType.STRING)
  private ServiceType proposedServiceType;

  private String proposedProvider;

  @Convert(converter = MoneyConverter.class)
  private Money proposedWeeklyGross;

  @Convert(converter = MoneyConverter.class)
  private Money proposedContribution;

  private BigDecimal proposedNhsShare;

  @Convert(converter = MoneyConverter.class)
  private Money proposedNetWeekly;

  private LocalDate effectiveDate;

  @Convert(converter = MoneyConverter.class)
  private Money weeklyChange;

  @Convert(converter = MoneyConverter.class)
  private Money fullYearChange;

  @Convert(converter = MoneyConverter.class)
  private Money annualCost;

  private String reason;

  /** What the asking review found (null for other requests): shown whole in the pack. */
  private String outcomesWanted;

  private String changeInNeed;

  private String alternativeMeetingOutcome;

  private String personViews;

  private String proposedBy;

  @Column(name = "source_process_instance_id")
  private String sourceProcessInstanceId;

  private String sourceReference;

  @Enumerated(EnumType.STRING)
  private PanelRoute route;

  private String routeRule;

  private LocalDate retrospectiveDue;

  private Instant receivedAt;

  protected PackageRequest() {}

  PackageRequest(
      PackageRequestCommand command,
      String teamCode,
      ClientGroup clientGroup,
      PackageTerms current,
      Money fullYearChange,
      Money annualCost,
      PanelRoute route,
      String routeRule,
      LocalDate retrospectiveDue,
      Instant receivedAt) {
    this.requestType = command.type();
    this.urgentReason = route == PanelRoute.URGENT ? command.urgentReason() : null;
    this.personId = command.personId();
    this.teamCode = teamCode;
    this.clientGroup = clientGroup;
    this.currentPackageId = command.currentPackageId();
    if (current != null) {
      this.currentServiceType = current.getServiceType();
      this.currentProvider = current.getProvider();
      this.currentWeeklyGross = current.getWeeklyGrossCost();
      this.currentContribution = current.getAssessedContribution();
      this.currentNhsShare = current.getNhsSharePercent();
      this.currentNetWeekly = current.getNetWeeklyCost();
      this.currentStartDate = current.getStartDate();
      this.currentEndDate = current.getEndDate();
    }
    ProposedPackage proposed = command.proposed();
    this.proposedServiceType = proposed.serviceType();
    this.proposedProvider = proposed.provider();
    this.proposedWeeklyGross = proposed.weeklyGrossCost();
    this.proposedContribution = proposed.assessedContribution();
    this.proposedNhsShare = proposed.nhsSharePercent();
    this.proposedNetWeekly = proposed.netWeeklyCost();
    this.effectiveDate = proposed.effectiveDate();
    this.weeklyChange =
        proposedNetWeekly.minus(currentNetWeekly == null ? Money.ZERO : currentNetWeekly);
    this.fullYearChange = fullYearChange;
    this.annualCost = annualCost;
    this.reason = command.reason();
    if (command.findings() != null) {
      this.outcomesWanted = command.findings().outcomesWanted();
      this.changeInNeed = command.findings().changeInNeed();
      this.alternativeMeetingOutcome = command.findings().alternativeMeetingOutcome();
      this.personViews = command.findings().personViews();
    }
    this.proposedBy = command.proposedBy();
    this.sourceProcessInstanceId = command.sourceProcessInstanceId();
    this.sourceReference = command.sourceReference();
    this.route = route;
    this.routeRule = routeRule;
    this.retrospectiveDue = retrospectiveDue;
    this.receivedAt = receivedAt;
  }

  /** The proposal as it arrived. */
  public ProposedPackage proposed() {
    return new ProposedPackage(
        proposedServiceType,
        proposedProvider,
        proposedWeeklyGross,
        proposedContribution,
        proposedNhsShare,
        effectiveDate);
  }

  /** The package's own terms and dates when the request arrived; null for a new package. */
  public CurrentPackage current() {
    if (currentServiceType == null) {
      return null;
    }
    return new CurrentPackage(
        currentServiceType,
        currentProvider,
        currentWeeklyGross,
        currentContribution,
        currentNhsShare,
        currentNetWeekly,
        currentStartDate,
        currentEndDate);
  }

  /** What the asking review found; null when the request did not come from a review. */
  public PackageRequestCommand.ReviewFindings findings() {
    PackageRequestCommand.ReviewFindings findings =
        new PackageRequestCommand.ReviewFindings(
            outcomesWanted, changeInNeed, alternativeMeetingOutcome, personViews);
    return findings.isEmpty() ? null : findings;
  }

  public Long getId() {
    return id;
  }

  public PackageRequestType getRequestType() {
    return requestType;
  }

  public UrgentReason getUrgentReason() {
    return urgentReason;
  }

  public Long getPersonId() {
    return personId;
  }

  public String getTeamCode() {
    return teamCode;
  }

  public ClientGroup getClientGroup() {
    return clientGroup;
  }

  public Long getCurrentPackageId() {
    return currentPackageId;
  }

  public Money getCurrentNetWeekly() {
    return currentNetWeekly;
  }

  public Money getProposedNetWeekly() {
    return proposedNetWeekly;
  }

  public LocalDate getEffectiveDate() {
    return effectiveDate;
  }

  public Money getWeeklyChange() {
    return weeklyChange;
  }

  public Money getFullYearChange() {
    return fullYearChange;
  }

  public Money getAnnualCost() {
    return annualCost;
  }

  public String getReason() {
    return reason;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public String getSourceProcessInstanceId() {
    return sourceProcessInstanceId;
  }

  public String getSourceReference() {
    return sourceReference;
  }

  public PanelRoute getRoute() {
    return route;
  }

  public String getRouteRule() {
    return routeRule;
  }

  public LocalDate getRetrospectiveDue() {
    return retrospectiveDue;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
