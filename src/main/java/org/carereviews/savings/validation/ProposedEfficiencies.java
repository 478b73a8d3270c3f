package org.carereviews.savings.validation;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.carereviews.common.FinancialYear;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.common.web.RecordNotFoundException;
import org.carereviews.common.web.StateConflictException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.carereviews.savings.SavingsKind;
import org.carereviews.savings.SavingsLine;
import org.carereviews.savings.SavingsLines;
import org.carereviews.savings.SavingsTarget;
import org.carereviews.savings.SavingsTargets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposed efficiencies: a new savings line with a target is checked for achievability by the head
 * of finance (never by the person who proposed it) before it joins the programme.
 */
@Service
class ProposedEfficiencies {

  /** Who may propose a new line. */
  static final Set<String> PROPOSERS =
      Set.of(Roles.FINANCE_VALIDATOR, Roles.HEAD_OF_FINANCE, Roles.DIRECTOR, Roles.BOARD_MEMBER);

  public record Proposal(
      String code,
      String name,
      String theme,
      SavingsKind kind,
      String owner,
      String financialYear,
      Money target,
      String rationale) {}

  /**
   * A proposal and, once made, its check; {@code inProgramme} once the line has joined the
   * programme.
   */
  public record ProposalView(
      long id,
      String code,
      String name,
      String theme,
      SavingsKind kind,
      String owner,
      String financialYear,
      Money target,
      String rationale,
      String proposedBy,
      Instant proposedAt,
      Boolean achievable,
      String checkNote,
      String checkedBy,
      boolean inProgramme) {}

  private final EfficiencyProposals proposals;
  private final ProposalChecks checks;
  private final SavingsLines lines;
  private final SavingsTargets targets;
  private final Clock clock;

  ProposedEfficiencies(
      EfficiencyProposals proposals,
      ProposalChecks checks,
      SavingsLines lines,
      SavingsTargets targets,
      Clock clock) {
    this.proposals = proposals;
    this.checks = checks;
    this.lines = lines;
    this.targets = targets;
    this.clock = clock;
  }

  /** Records a proposal (the caller starts its check). */
  @Transactional
  public EfficiencyProposal propose(CareUser user, Proposal proposal) {
    if (!user.hasAnyRole(PROPOSERS)) {
      throw new AccessDeniedException(
          "proposing efficiencies is for finance, the board and directors");
    }
    String code = required("code", proposal.code(), 40);
    String name = required("name", proposal.name(), 300);
    String theme = required("theme", proposal.theme(), 120);
    String rationale = required("rationale", proposal.rationale(), 2000);
    String owner = SavingsValidation.blankToNull(proposal.owner());
    if (owner != null && owner.length() > 120) {
      throw new InvalidRequestException("owner", "is longer than 120 characters");
    }
    if (proposal.kind() == null) {
      throw new InvalidRequestException(
          "kind", "is required: CASHABLE_SAVING, COST_AVOIDANCE or GROWTH");
    }
    FinancialYear year;
    try {
      year = FinancialYear.parse(required("financialYear", proposal.financialYear(), 7));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("financialYear", e.getMessage());
    }
    Money target = proposal.target();
    if (target == null) {
      throw new InvalidRequestException("target", "is required");
    }
    if (proposal.kind() == SavingsKind.GROWTH ? target.isNegative() : !target.isNegative()) {
      throw new InvalidRequestException(
          "target",
          proposal.kind() == SavingsKind.GROWTH
              ? "a growth target is a cost increase, so 0 or more"
              : "a saving is written negative, like the ledger (a saving of 250,000 is -250000)");
    }
    if (lines.existsById(code)) {
      throw new InvalidRequestException("code", "line " + code + " is already in the programme");
    }
    if (proposals.existsByLineCode(code)) {
      throw new InvalidRequestException("code", "line " + code + " has been proposed already");
    }
    return proposals.saveAndFlush(
        new EfficiencyProposal(
            code,
            name,
            theme,
            proposal.kind(),
            owner,
            year,
            target,
            rationale,
            user.userId(),
            Instant.now(clock)));
  }

  /** The head of finance's check; a refusal throws before anything is written. */
  @Transactional
  public boolean check(CareUser user, long proposalId, Boolean achievable, String note) {
    EfficiencyProposal proposal = proposal(proposalId);
    if (user == null || !user.hasRole(Roles.HEAD_OF_FINANCE)) {
      throw new AccessDeniedException("the achievability check is for the head of finance");
    }
    if (user.userId().equals(proposal.getProposedBy())) {
      throw new InvalidRequestException(
          "checkedBy",
          user.userId()
              + " proposed this efficiency: someone else checks "
              + "whether it is achievable (four eyes)");
    }
    if (checks.existsById(proposalId)) {
      throw new StateConflictException("proposal " + proposalId + " has been checked already");
    }
    if (achievable == null) {
      throw new InvalidRequestException("achievable", "is required: true or false");
    }
    String text = required("note", note, 2000);
    checks.saveAndFlush(
        new ProposalCheck(proposalId, achievable, text, user.userId(), Instant.now(clock)));
    return achievable;
  }

  /** Adds an achievable proposal to the programme: the line and its target. Once. */
  @Transactional
  public void addToProgramme(long proposalId) {
    EfficiencyProposal proposal = proposal(proposalId);
    ProposalCheck check = checks.findById(proposalId).orElse(null);
    if (check == null || !check.isAchievable()) {
      throw new IllegalStateException("proposal " + proposalId + " has not been found achievable");
    }
    if (lines.existsById(proposal.getLineCode())) {
      return;
    }
    lines.save(
        new SavingsLine(
            proposal.getLineCode(),
            proposal.getName(),
            proposal.getTheme(),
            proposal.getKind(),
            proposal.getOwner()));
    targets.save(
        new SavingsTarget(
            proposal.getLineCode(), proposal.getFinancialYear(), proposal.getTarget()));
  }

  @Transactional(readOnly = true)
  public ProposalView view(long proposalId) {
    EfficiencyProposal p = proposal(proposalId);
    ProposalCheck check = checks.findById(proposalId).orElse(null);
    return new ProposalView(
        p.getId(),
        p.getLineCode(),
        p.getName(),
        p.getTheme(),
        p.getKind(),
        p.getOwner(),
        p.getFinancialYear().toString(),
        p.getTarget(),
        p.getRationale(),
        p.getProposedBy(),
        p.getProposedAt(),
        check == null ? null : check.isAchievable(),
        check == null ? null : check.getNote(),
        check == null ? null : check.getCheckedBy(),
        check != null && check.isAchievable() && lines.existsById(p.getLineCode()));
  }

  /** A proposal as Markdown, for the Tasklist form. */
  @Transactional(readOnly = true)
  public String summaryMarkdown(long proposalId) {
    EfficiencyProposal p = proposal(proposalId);
    return "**"
        + p.getLineCode()
        + " "
        + p.getName()
        + "** ("
        + p.getTheme()
        + ", "
        + p.getKind()
        + ")\n\n"
        + "Target "
        + p.getFinancialYear()
        + ": "
        + p.getTarget()
        + "; owner "
        + (p.getOwner() == null ? "-" : p.getOwner())
        + "; proposed by "
        + p.getProposedBy()
        + "\n\n"
        + p.getRationale();
  }

  EfficiencyProposal proposal(long proposalId) {
    return proposals
        .findById(proposalId)
        .orElseThrow(() -> new RecordNotFoundException("proposal", proposalId));
  }

  private static String required(String field, String value, int maxLength) {
    String text = SavingsValidation.blankToNull(value);
    if (text == null) {
      throw new InvalidRequestException(field, "is required");
    }
    if (text.length() > maxLength) {
      throw new InvalidRequestException(field, "is longer than " + maxLength + " characters");
    }
    return text;
  }
}
