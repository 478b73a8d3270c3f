package org.carereviews.workspace;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code care-reviews.workspace.*}: how the workspace's pages present the council
 * (docs/workspace.md).
 *
 * @param councilName the council's name, in the header and the footer
 * @param brandColour the council's colour ({@code #rrggbb}) for the header; white text on it must
 *     have a contrast of at least 4.5:1 (WCAG 2.2 AA), or the service does not start
 * @param phase the phase banner's tag (e.g. {@code Beta}); empty for no banner
 */
@Validated
@ConfigurationProperties("care-reviews.workspace")
public record WorkspaceProperties(
    @NotBlank @Size(max = 80) String councilName,
    @NotBlank @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour written #rrggbb")
        String brandColour,
    @Size(max = 20) String phase) {

  /** The service's name, beside the council's. */
  public static final String SERVICE_NAME = "Care Reviews";

  /** Whether white text on the brand colour is readable (contrast at least 4.5:1). */
  @AssertTrue(message = "must be dark enough for white text on it (contrast at least 4.5:1)")
  public boolean isBrandColourReadable() {
    if (brandColour == null || !brandColour.matches("#[0-9a-fA-F]{6}")) {
      return true;
    }
    return contrastWithWhite(brandColour) >= 4.5;
  }

  public boolean hasPhase() {
    return phase != null && !phase.isBlank();
  }

  /** The WCAG contrast ratio of white on a colour {@code #rrggbb}. */
  static double contrastWithWhite(String colour) {
    int rgb = Integer.parseInt(colour.substring(1), 16);
    double luminance =
        0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    return 1.05 / (luminance + 0.05);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
