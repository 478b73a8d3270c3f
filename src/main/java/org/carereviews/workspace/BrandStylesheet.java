package org.carereviews.workspace;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The council's colour ({@code care-reviews.workspace.brand-colour}) as a style sheet, so that the
 * pages carry no inline style (the Content-Security-Policy allows none). The rest of our styles:
 * static/workspace/workspace.css.
 */
@Controller
class BrandStylesheet {

  private final String css;

  BrandStylesheet(WorkspaceProperties properties) {
    String colour = properties.brandColour();
    this.css =
        """
        /* The council's colour: care-reviews.workspace.brand-colour */
        .app-header { background-color: %1$s; }
        .govuk-footer { border-top-color: %1$s; }
        """
            .formatted(colour);
  }

  @GetMapping(value = "/workspace/brand.css", produces = "text/css")
  @ResponseBody
  ResponseEntity<String> brand() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "css"))
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
        .body(css);
  }
}
