package org.carereviews;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module boundaries: capabilities do not form cycles; domain code knows nothing of the demo. */
@AnalyzeClasses(packages = "org.carereviews", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule capabilitiesHaveNoCycles = slices().matching("org.carereviews.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheDemoKnowsTheDemo = noClasses().that().resideOutsideOfPackage("org.carereviews.demo..")
      .should().dependOnClassesThat().resideInAPackage("org.carereviews.demo..");

  @ArchTest
  static final ArchRule commonDependsOnNoCapability = noClasses().that().resideInAPackage("org.carereviews.common..")
      .should().dependOnClassesThat().resideInAnyPackage("org.carereviews.casebook..", "org.carereviews.savings..",
          "org.carereviews.identity..", "org.carereviews.demo..");

  @ArchTest
  static final ArchRule domainCodeDoesNotLogPersonalDataThroughSystemOut = noClasses()
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
