package org.carereviews;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module boundaries: capabilities do not form cycles; domain code knows nothing of the demo. */
@AnalyzeClasses(packages = "org.carereviews", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule capabilitiesHaveNoCycles =
      slices().matching("org.carereviews.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheDemoKnowsTheDemo =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.carereviews.demo..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.carereviews.demo..");

  @ArchTest
  static final ArchRule commonDependsOnNoCapability =
      noClasses()
          .that()
          .resideInAPackage("org.carereviews.common..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.carereviews.casebook..",
              "org.carereviews.savings..",
              "org.carereviews.identity..",
              "org.carereviews.demo..");

  /**
   * The engine is reached through one port ({@code workflow.Workflow}): only the port's module,
   * {@code identity} (Camunda's users, groups and authorizations) and the engine's callbacks
   * (delegates, listeners and the task-subject plugins the engine calls) import the engine's API.
   */
  @ArchTest
  static final ArchRule onlyThePortIdentityAndDelegatesUseTheEngine =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.carereviews.workflow..", "org.carereviews.identity..")
          .and(not(engineCallback()))
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.camunda.bpm.engine..")
          .because(
              "capabilities reach the engine through workflow.Workflow; only its callbacks see its types");

  private static DescribedPredicate<JavaClass> engineCallback() {
    return DescribedPredicate.describe(
        "an engine callback (delegate, listener, task subjects)",
        javaClass ->
            javaClass.getSimpleName().endsWith("Delegates")
                || javaClass
                    .getEnclosingClass()
                    .map(enclosing -> enclosing.getSimpleName().endsWith("Delegates"))
                    .orElse(false)
                || javaClass.isAssignableTo("org.camunda.bpm.engine.delegate.JavaDelegate")
                || javaClass.isAssignableTo("org.camunda.bpm.engine.delegate.TaskListener")
                || javaClass.isAssignableTo("org.camunda.bpm.engine.delegate.ExecutionListener")
                || javaClass.isAssignableTo("org.carereviews.workflow.TaskSubjects"));
  }

  @ArchTest
  static final ArchRule domainCodeDoesNotLogPersonalDataThroughSystemOut =
      noClasses()
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err");
}
