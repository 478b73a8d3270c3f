package org.carereviews.casebook;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A person who draws on care and support (the council's "customer" or "service user").
 *
 * <p>Special-category personal data: never log a name or a date of birth; log the id.
 */
@Entity
@Table(name = "person")
public class Person {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
  @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
  private Long id;

  private String reference;

  private String displayName;

  private LocalDate dateOfBirth;

  @Enumerated(EnumType.STRING)
  private ClientGroup clientGroup;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "team_id")
  private Team team;

  @ManyToMany
  @JoinTable(
      name = "person_cohort",
      joinColumns = @JoinColumn(name = "person_id"),
      inverseJoinColumns = @JoinColumn(name = "cohort_id"))
  private Set<Cohort> cohorts = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(name = "person_funding_flag", joinColumns = @JoinColumn(name = "person_id"))
  @Column(name = "flag")
  @Enumerated(EnumType.STRING)
  private Set<FundingFlag> fundingFlags = EnumSet.noneOf(FundingFlag.class);

  private Instant createdAt;

  private String createdBy;

  protected Person() {}

  public Person(
      String reference,
      String displayName,
      LocalDate dateOfBirth,
      ClientGroup clientGroup,
      Team team,
      Set<Cohort> cohorts,
      Set<FundingFlag> fundingFlags,
      Instant createdAt,
      String createdBy) {
    this.reference = reference;
    this.displayName = displayName;
    this.dateOfBirth = dateOfBirth;
    this.clientGroup = clientGroup;
    this.team = team;
    this.cohorts = new LinkedHashSet<>(cohorts);
    this.fundingFlags =
        fundingFlags.isEmpty() ? EnumSet.noneOf(FundingFlag.class) : EnumSet.copyOf(fundingFlags);
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public String getDisplayName() {
    return displayName;
  }

  public LocalDate getDateOfBirth() {
    return dateOfBirth;
  }

  public ClientGroup getClientGroup() {
    return clientGroup;
  }

  public Team getTeam() {
    return team;
  }

  public Set<Cohort> getCohorts() {
    return Collections.unmodifiableSet(cohorts);
  }

  public Set<FundingFlag> getFundingFlags() {
    return Collections.unmodifiableSet(fundingFlags);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
