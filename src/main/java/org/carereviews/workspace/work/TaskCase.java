package org.carereviews.workspace.work;

import java.util.List;
import org.carereviews.casebook.CasebookViews.PackageView;
import org.carereviews.casebook.CasebookViews.PersonView;
import org.carereviews.panel.PanelPacks.Pack;
import org.carereviews.review.ReviewLines.ReviewLine;

/**
 * What a task page shows beside the form: the person, the package the task is about (current terms
 * and weekly cost), their last completed review and, for a package request, the pack.
 *
 * @param review the review the task belongs to, or null
 * @param pack the package request's pack, or null
 */
public record TaskCase(
    PersonView person,
    PackageView carePackage,
    ReviewLine review,
    ReviewLine lastReview,
    Pack pack) {

  public String netWeeklyText() {
    return carePackage == null ? null : Pounds.of(carePackage.netWeeklyCost());
  }

  public String grossWeeklyText() {
    return carePackage == null ? null : Pounds.of(carePackage.weeklyGrossCost());
  }

  public String contributionText() {
    return carePackage == null ? null : Pounds.of(carePackage.assessedContribution());
  }

  public String packCurrentText() {
    return pack == null ? null : Pounds.of(pack.currentNetWeekly());
  }

  public String packProposedText() {
    return pack == null ? null : Pounds.of(pack.proposedNetWeekly());
  }

  public String packWeeklyChangeText() {
    return pack == null ? null : Pounds.change(pack.weeklyChange());
  }

  public String packFullYearText() {
    return pack == null ? null : Pounds.change(pack.fullYearChange());
  }

  public List<String> packFindings() {
    if (pack == null || pack.findings() == null) {
      return List.of();
    }
    var f = pack.findings();
    return java.util.stream.Stream.of(
            f.outcomesWanted() == null ? null : "Outcomes the person wants: " + f.outcomesWanted(),
            f.changeInNeed() == null ? null : "Change in need: " + f.changeInNeed(),
            f.alternativeMeetingOutcome() == null
                ? null
                : "How the outcomes are met: " + f.alternativeMeetingOutcome(),
            f.personViews() == null ? null : "The person's views: " + f.personViews())
        .filter(java.util.Objects::nonNull)
        .toList();
  }
}
