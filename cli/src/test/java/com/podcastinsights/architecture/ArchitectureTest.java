package com.podcastinsights.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules the module split stands for (docs/architecture.md): the core knows no SDK and none of its
 * adapters, adapters know no runtime, the layers run one way (cli, functions, adapters, core) and the core's
 * packages hold no cycle. Maven already keeps the SDK off the core's classpath; this keeps the rest honest.
 */
class ArchitectureTest {
    /**
     * The main classes of every module on the CLI's classpath: core, both adapters, the functions and the CLI. Test
     * classes come as folders or, in a reactor build past {@code package}, as the modules' {@code -tests.jar}.
     */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.matches(Pattern.compile(".*-tests\\.jar!?/.*")))
            .importPackages("com.podcastinsights");

    static final String[] CORE = {"com.podcastinsights.config..", "com.podcastinsights.digest..",
            "com.podcastinsights.event..", "com.podcastinsights.feed..", "com.podcastinsights.html..",
            "com.podcastinsights.http..", "com.podcastinsights.ids..", "com.podcastinsights.insight..",
            "com.podcastinsights.json..", "com.podcastinsights.metrics..", "com.podcastinsights.port..",
            "com.podcastinsights.stage..", "com.podcastinsights.store..", "com.podcastinsights.transcript.."};

    @Test
    void coreUsesNoAwsSdk() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "org.crac..")
                .check(MAIN);
    }

    @Test
    void coreKnowsNoAdapterNorRuntime() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("com.podcastinsights.aws..",
                        "com.podcastinsights.local..", "com.podcastinsights.function..", "com.podcastinsights.cli..")
                .check(MAIN);
    }

    @Test
    void awsAdaptersKnowNoLocalOnesNorRuntime() {
        noClasses().that()
                .resideInAPackage("com.podcastinsights.aws..").should().dependOnClassesThat().resideInAnyPackage(
                        "com.podcastinsights.local..", "com.podcastinsights.function..", "com.podcastinsights.cli..")
                .check(MAIN);
    }

    @Test
    void localAdaptersKnowNoAwsOnesNorRuntime() {
        noClasses().that()
                .resideInAPackage("com.podcastinsights.local..").should().dependOnClassesThat().resideInAnyPackage(
                        "com.podcastinsights.aws..", "com.podcastinsights.function..", "com.podcastinsights.cli..",
                        "software.amazon.awssdk..")
                .check(MAIN);
    }

    @Test
    void functionsUseNoLocalAdapterNorTheCli() {
        noClasses().that()
                .resideInAPackage("com.podcastinsights.function..").should().dependOnClassesThat()
                .resideInAnyPackage("com.podcastinsights.local..", "com.podcastinsights.cli..")
                .check(MAIN);
    }

    @Test
    void portsAreInterfacesAndTheirValues() {
        classes().that()
                .resideInAPackage("com.podcastinsights.port..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("com.podcastinsights.port..", "java..")
                .check(MAIN);
    }

    @Test
    void corePackagesHaveNoCycle() {
        slices().matching("com.podcastinsights.(*)..")
                .should().beFreeOfCycles()
                .check(MAIN);
    }
}
