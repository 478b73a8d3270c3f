package org.carereviews.workspace.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormTextTest {

  @Test
  void headingsSitBelowThePagesOwnHeadingWithGovukClasses() {
    assertThat(FormText.html("# Care package review\n## Outcome\n### The panel asked"))
        .isEqualTo(
            """
        <h2 class="govuk-heading-l">Care package review</h2>
        <h3 class="govuk-heading-m">Outcome</h3>
        <h4 class="govuk-heading-s">The panel asked</h4>
        """);
  }

  @Test
  void paragraphsListsAndEmphasisBecomeGovukMarkup() {
    assertThat(
            FormText.html(
                "Line one\nline two with **bold** and `code`\n\n- first\n- _second_\n\n1. one\n2. two"))
        .isEqualTo(
            """
            <p class="govuk-body">Line one line two with <strong>bold</strong> and <code>code</code></p>
            <ul class="govuk-list govuk-list--bullet">
            <li>first</li>
            <li><em>second</em></li>
            </ul>
            <ol class="govuk-list govuk-list--number">
            <li>one</li>
            <li>two</li>
            </ol>
            """);
  }

  @Test
  void aTableWithoutAFirstHeadingHasRowHeaders() {
    String html =
        FormText.html(
            "| | Current | Proposed |\n| --- | --- | --- |\n| Weekly cost | 400.00 | 350.00 |");

    assertThat(html)
        .contains("<table class=\"govuk-table\">")
        .contains("<th scope=\"col\" class=\"govuk-table__header\">Current</th>")
        .contains("<th scope=\"row\" class=\"govuk-table__header\">Weekly cost</th>")
        .contains("<td class=\"govuk-table__cell\">350.00</td>");
  }

  @Test
  void htmlInTheTextOrInAValueIsShownNotRun() {
    String filled =
        FormText.filled(
            "Review **{{reviewRef}}** <b>now</b>",
            Map.of("reviewRef", "<img src=x onerror=alert(1)>")::get);

    assertThat(FormText.html(filled))
        .isEqualTo(
            "<p class=\"govuk-body\">Review <strong>&lt;img src=x "
                + "onerror=alert(1)&gt;</strong> &lt;b&gt;now&lt;/b&gt;</p>\n");
  }

  @Test
  void aPlaceholderWithoutAValueLeavesNoMarkdownBehind() {
    String filled = FormText.filled("Review **{{reviewRef}}**.", Map.<String, Object>of()::get);

    assertThat(FormText.html(filled))
        .isEqualTo("<p class=\"govuk-body\">Review <strong></strong>.</p>\n");
  }
}
