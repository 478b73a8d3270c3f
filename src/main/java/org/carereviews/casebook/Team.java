package org.carereviews.casebook;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A locality team: people belong to one; workers see their own team's people. */
@Entity
@Table(name = "team")
public class Team {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_seq")
  @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
  private Long id;

  private String code;

  private String name;

  protected Team() {}

  public Team(String code, String name) {
    this.code = code;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  /**
   * Short upper-case code, e.g. {@code NORTH}; the Camunda group of the team is {@code team-north}.
   */
  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }
}
