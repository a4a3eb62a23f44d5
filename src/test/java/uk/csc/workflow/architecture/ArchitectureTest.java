package uk.csc.workflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of ARCHITECTURE.md, kept true by the build. */
@AnalyzeClasses(packages = "uk.csc.workflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule timescalesArePureJava = noClasses().that().resideInAPackage("..timescales..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "jakarta.persistence..")
            .because("the statutory clock is pure Java, testable without an engine");

    @ArchTest
    static final ArchRule camundaInternalsStayInPlatform = noClasses().that().resideOutsideOfPackage("..platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..impl..")
            .because("Camunda's impl classes are not API; keeping them in platform keeps a move to a fork cheap");
}
