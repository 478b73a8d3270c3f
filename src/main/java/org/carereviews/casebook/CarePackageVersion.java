package org.carereviews.casebook;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One version of a care package: append-only. A change is a new version with its reason and author;
 * this row is never updated (Hibernate treats it as immutable; on PostgreSQL a trigger also
 * refuses).
 */
@Entity
@Immutable
@Table(name = "care_package_version")
public class CarePackageVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_package_version_seq")
  @SequenceGenerator(
      name = "care_package_version_seq",
      sequenceName = "care_package_version_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "care_package_id")
  private CarePackage carePackage;

  private int versionNumber;

  @Embedded private PackageTerms terms;

  private String reason;

  private String recordedBy;

  private Instant recordedAt;

  protected CarePackageVersion() {}

  CarePackageVersion(
      CarePackage carePackage,
      int versionNumber,
      PackageTerms terms,
      String reason,
      String recordedBy,
      Instant recordedAt) {
    this.carePackage = carePackage;
    this.versionNumber = versionNumber;
    this.terms = terms;
    this.reason = reason;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() {
    return id;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public PackageTerms getTerms() {
    return terms;
  }

  public String getReason() {
    return reason;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
