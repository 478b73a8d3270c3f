package org.carereviews.ctr;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.web.InputText;

/** Request bodies of the CTR API. Business rules are checked again in the services. */
public final class CtrRequests {

  private CtrRequests() {}

  public record NewRegisterEntry(
      @NotNull Long personId,
      @NotNull Boolean consentGiven,
      @NotNull LocalDate consentDate,
      @NotNull Rating rating,
      @NotBlank @Size(max = 2000) String reasons,
      @NotBlank @Size(max = 100) String keyWorker,
      @NotNull LocalDate nextReviewDate) {}

  record RatingRequest(@NotNull Rating rating, @NotBlank @Size(max = 2000) String reasons) {}

  public record RegisterDetails(
      @NotBlank @Size(max = 100) String keyWorker,
      @NotNull LocalDate nextReviewDate,
      @NotNull LocalDate consentDate) {}

  public record Admission(
      @NotBlank @Size(max = 200) String hospital,
      @NotNull HospitalSetting setting,
      @NotNull Boolean outOfArea,
      @NotNull LocalDate admissionDate,
      @NotNull Commissioner commissioner,
      @NotNull Boolean communityReviewBeforeAdmission,
      LocalDate plannedDischargeDate) {}

  record PlannedDischarge(@NotNull LocalDate plannedDischargeDate) {}

  public record Discharge(
      @NotNull LocalDate dischargeDate,
      @NotNull Rating rating,
      @NotBlank @Size(max = 2000) String reasons) {}

  record Panel(String chair, String clinicalExpert, String expertByExperience, String meetingAt) {}

  record Consent(ConsentBasis consentBasis, @Size(max = 2000) String consentNote) {}

  record Papers(String meetingAt) {}

  record RecommendationRequest(
      @Size(max = 2000) String text, @Size(max = 100) String owner, LocalDate dueDate) {}

  record Meeting(
      @Size(max = 4000) String answerSafe,
      @Size(max = 4000) String answerGoodCare,
      @Size(max = 4000) String answerFuturePlan,
      @Size(max = 4000) String answerNeedHospital,
      @Valid List<RecommendationRequest> recommendations,
      LocalDate plannedDischargeDate,
      Boolean dischargeRecommended) {}

  record DischargePlanRequest(
      ServiceType serviceType,
      @Size(max = 200) @Pattern(regexp = InputText.SINGLE_LINE, message = InputText.NAME_MESSAGE)
          String provider,
      BigDecimal weeklyGrossCost,
      BigDecimal assessedContribution,
      BigDecimal nhsSharePercent,
      LocalDate dischargeDate,
      @Size(max = 2000) String dischargeReason) {}

  record OversightVisit(String visitedAt, @Size(max = 4000) String findings) {}

  record ActionDone(@Size(max = 2000) String note) {}
}
