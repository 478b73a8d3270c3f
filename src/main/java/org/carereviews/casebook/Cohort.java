package org.carereviews.casebook;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A group of people a review programme targets, e.g. a day-centre closure cohort. */
@Entity
@Table(name = "cohort")
public class Cohort {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cohort_seq")
  @SequenceGenerator(name = "cohort_seq", sequenceName = "cohort_seq", allocationSize = 50)
  private Long id;

  private String code;

  private String name;

  protected Cohort() {}

  public Cohort(String code, String name) {
    this.code = code;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }
}
