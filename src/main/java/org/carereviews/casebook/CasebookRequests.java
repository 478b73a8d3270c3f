package org.carereviews.casebook;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.carereviews.common.DateOfBirth;
import org.carereviews.common.Money;
import org.carereviews.common.web.InputText;

/** What the casebook API accepts; validated before anything is written. */
final class CasebookRequests {

  private CasebookRequests() {}

  public record NewPerson(
      @NotBlank
          @Size(max = 200)
          @Pattern(regexp = InputText.SINGLE_LINE, message = InputText.NAME_MESSAGE)
          String displayName,
      @NotNull @Past @DateOfBirth LocalDate dateOfBirth,
      @NotNull ClientGroup clientGroup,
      @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "must be a team code such as NORTH")
          String teamCode,
      Set<@NotBlank String> cohortCodes,
      Set<@NotNull FundingFlag> fundingFlags) {}

  /**
   * The terms of a new package or of a change to one. Money is in pounds and pence; the net weekly
   * cost to the council is derived from gross, contribution and NHS share.
   */
  public record PackageTermsRequest(
      @NotNull ServiceType serviceType,
      @NotBlank
          @Size(max = 200)
          @Pattern(regexp = InputText.SINGLE_LINE, message = InputText.NAME_MESSAGE)
          String provider,
      @NotNull
          @DecimalMin(value = "0.00", message = "must not be negative")
          @DecimalMax(value = "50000.00", message = "must be at most 50000.00 a week")
          @Digits(integer = 7, fraction = 2, message = "must be pounds and pence")
          BigDecimal weeklyGrossCost,
      @DecimalMin(value = "0.00", message = "must not be negative")
          @DecimalMax(
              value = Money.MAX_WEEKLY_INPUT_TEXT,
              message = "must be at most " + Money.MAX_WEEKLY_INPUT_TEXT + " a week")
          @Digits(integer = 7, fraction = 2, message = "must be pounds and pence")
          BigDecimal assessedContribution,
      @DecimalMin(value = "0.00", message = "must be between 0 and 100")
          @DecimalMax(value = "100.00", message = "must be between 0 and 100")
          @Digits(integer = 3, fraction = 2, message = "must have at most two decimal places")
          BigDecimal nhsSharePercent,
      @NotNull LocalDate startDate,
      LocalDate endDate,
      LocalDate nextReviewDue,
      @NotBlank @Size(max = 1000) String reason) {}
}
