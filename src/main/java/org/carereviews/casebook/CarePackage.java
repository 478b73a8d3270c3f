package org.carereviews.casebook;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A package of care for one person. Its terms are the latest of its append-only versions. */
@Entity
@Table(name = "care_package")
public class CarePackage {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "care_package_seq")
  @SequenceGenerator(
      name = "care_package_seq",
      sequenceName = "care_package_seq",
      allocationSize = 50)
  private Long id;

  private String reference;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id")
  private Person person;

  private Instant createdAt;

  @OneToMany(mappedBy = "carePackage", cascade = CascadeType.PERSIST)
  @OrderBy("versionNumber asc")
  private List<CarePackageVersion> versions = new ArrayList<>();

  protected CarePackage() {}

  /** A new package with its first version. */
  public CarePackage(
      String reference,
      Person person,
      PackageTerms terms,
      String reason,
      String recordedBy,
      Instant recordedAt) {
    this.reference = reference;
    this.person = person;
    this.createdAt = recordedAt;
    versions.add(new CarePackageVersion(this, 1, terms, reason, recordedBy, recordedAt));
  }

  /** Records a change as a new version; earlier versions stay as they were. */
  public CarePackageVersion recordChange(
      PackageTerms terms, String reason, String recordedBy, Instant recordedAt) {
    CarePackageVersion next =
        new CarePackageVersion(
            this, current().getVersionNumber() + 1, terms, reason, recordedBy, recordedAt);
    versions.add(next);
    return next;
  }

  public CarePackageVersion current() {
    return versions.get(versions.size() - 1);
  }

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public Person getPerson() {
    return person;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<CarePackageVersion> getVersions() {
    return Collections.unmodifiableList(versions);
  }
}
