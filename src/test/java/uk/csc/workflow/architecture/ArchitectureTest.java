package uk.csc.workflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of ARCHITECTURE.md and the README's architecture section, kept true by the build. */
@AnalyzeClasses(packages = "uk.csc.workflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {"..casefile..", "..clocks..", "..referral..", "..escalation..", "..panel..",
            "..review..", "..plans..", "..performance..", "..tasklist..", "..demo.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("uk.csc.workflow.(*)..").should().beFreeOfCycles()
            .because("each package can then be understood, tested and replaced on its own");

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses().that().resideInAPackage("..platform..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("the platform wires the engine for any process; it names no feature and no process id");

    @ArchTest
    static final ArchRule camundaOnlyInAdapters = noClasses()
            .that().resideOutsideOfPackages("..process..", "..platform..", "..identity..", "..tasklist..", "..demo..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("features talk to the engine through thin adapters (process packages), so the rules stay plain Java");

    @ArchTest
    static final ArchRule demoCodeLivesInDemo = classes().that().haveSimpleNameStartingWith("Demo")
            .should().resideInAPackage("..demo..")
            .because("the demo city and its seeders are not part of the product a council runs");

    @ArchTest
    static final ArchRule nothingDependsOnTheDemo = noClasses().that().resideOutsideOfPackage("..demo..")
            .should().dependOnClassesThat().resideInAPackage("..demo..")
            .because("the product works without the demo profile");

    @ArchTest
    static final ArchRule timescalesArePureJava = noClasses().that().resideInAPackage("..timescales..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "jakarta.persistence..")
            .because("the statutory clock is pure Java, testable without an engine");

    @ArchTest
    static final ArchRule camundaInternalsStayInPlatform = noClasses().that().resideOutsideOfPackage("..platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..impl..")
            .because("Camunda's impl classes are not API; keeping them in platform keeps a move to a fork cheap");

    /** Reading the wall clock: {@code Instant.now()} and its kin, the system clock, {@code new Date()}, the engine's ClockUtil. */
    private static final DescribedPredicate<JavaCall<?>> readsTheClock = new DescribedPredicate<>("read the clock directly") {
        @Override
        public boolean test(JavaCall<?> call) {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            return owner.startsWith("java.time.") && name.equals("now")
                    || owner.equals("java.time.Clock") && name.startsWith("system")
                    || owner.equals("java.lang.System") && name.equals("currentTimeMillis")
                    || owner.equals("java.util.Date") && name.equals("<init>") && call.getTarget().getRawParameterTypes().isEmpty()
                    || owner.equals("org.camunda.bpm.engine.impl.util.ClockUtil");
        }
    };

    @ArchTest
    static final ArchRule timeComesFromTheTimeSource = noClasses().that().resideOutsideOfPackage("..platform.time..")
            .should().callCodeUnitWhere(readsTheClock)
            .because("now and today come from TimeSource, so tests pin them and the demo replay cannot leak a past date");
}
