package org.carereviews.casebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.carereviews.casebook.CasebookRequests.PackageTermsRequest;
import org.carereviews.common.Money;
import org.carereviews.common.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PackageTermsTest {

  @Test
  void netWeeklyCostIsGrossLessContributionLessTheNhsShare() {
    PackageTerms terms =
        CasebookService.toTerms(request("1000.00", "200.00", "25", "2025-01-01", null));

    assertThat(terms.getNetWeeklyCost()).isEqualTo(Money.of("600.00"));
    assertThat(terms.getCouncilSharePercent()).isEqualByComparingTo("75");
  }

  @Test
  void fullNhsContinuingHealthcareCostsTheCouncilNothing() {
    assertThat(
            CasebookService.toTerms(request("900.00", "0", "100", "2025-01-01", null))
                .getNetWeeklyCost())
        .isEqualTo(Money.ZERO);
  }

  @Test
  void contributionAboveTheCostIsRefused() {
    assertThatThrownBy(
            () -> CasebookService.toTerms(request("100.00", "100.01", "0", "2025-01-01", null)))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).field())
        .isEqualTo("assessedContribution");
  }

  @Test
  void endBeforeStartIsRefused() {
    assertThatThrownBy(
            () -> CasebookService.toTerms(request("100.00", "0", "0", "2025-01-01", "2024-12-31")))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).field())
        .isEqualTo("endDate");
  }

  private static PackageTermsRequest request(
      String gross, String contribution, String nhs, String start, String end) {
    return new PackageTermsRequest(
        ServiceType.HOME_CARE,
        "Example Care Ltd",
        new BigDecimal(gross),
        new BigDecimal(contribution),
        new BigDecimal(nhs),
        LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end),
        null,
        "reason");
  }
}
