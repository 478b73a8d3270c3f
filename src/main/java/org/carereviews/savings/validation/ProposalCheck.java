package org.carereviews.savings.validation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * The head of finance's achievability check of a proposed efficiency. Append-only; one per
 * proposal.
 */
@Entity
@Immutable
@Table(name = "efficiency_proposal_check")
class ProposalCheck {

  @Id private Long proposalId;

  private boolean achievable;

  private String note;

  private String checkedBy;

  private Instant checkedAt;

  protected ProposalCheck() {}

  ProposalCheck(
      long proposalId, boolean achievable, String note, String checkedBy, Instant checkedAt) {
    this.proposalId = proposalId;
    this.achievable = achievable;
    this.note = note;
    this.checkedBy = checkedBy;
    this.checkedAt = checkedAt;
  }

  public Long getProposalId() {
    return proposalId;
  }

  public boolean isAchievable() {
    return achievable;
  }

  public String getNote() {
    return note;
  }

  public String getCheckedBy() {
    return checkedBy;
  }

  public Instant getCheckedAt() {
    return checkedAt;
  }
}
