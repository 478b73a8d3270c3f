package org.carereviews.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkspacePropertiesTest {

  @Test
  void theDefaultBlueCarriesWhiteText() {
    assertThat(WorkspaceProperties.contrastWithWhite("#1d70b8")).isGreaterThan(4.5);
    assertThat(
            new WorkspaceProperties("Example Council", "#1d70b8", "Beta").isBrandColourReadable())
        .isTrue();
  }

  @Test
  void aPaleColourIsRefusedBecauseWhiteTextOnItCannotBeRead() {
    assertThat(WorkspaceProperties.contrastWithWhite("#ffdd00")).isLessThan(4.5);
    assertThat(
            new WorkspaceProperties("Example Council", "#ffdd00", "Beta").isBrandColourReadable())
        .isFalse();
  }

  @Test
  void blackAndWhiteAreTheEnds() {
    assertThat(WorkspaceProperties.contrastWithWhite("#000000"))
        .isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(WorkspaceProperties.contrastWithWhite("#ffffff"))
        .isEqualTo(1.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void aPhaseIsShownOnlyWhenSet() {
    assertThat(new WorkspaceProperties("C", "#000000", "").hasPhase()).isFalse();
    assertThat(new WorkspaceProperties("C", "#000000", null).hasPhase()).isFalse();
    assertThat(new WorkspaceProperties("C", "#000000", "Alpha").hasPhase()).isTrue();
  }
}
