package com.evscallpro.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module and feature rules of design.md §2, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final String[] PRODUCTION_MODULES = {"com.evscallpro.telephony..", "com.evscallpro.db..",
            "com.evscallpro.core..", "com.evscallpro.processes..", "com.evscallpro.workers..", "com.evscallpro.ui..",
            "com.evscallpro.api..", "com.evscallpro.app.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.evscallpro");
    }

    @Test
    void telephony_depends_on_no_other_module() {
        noClasses().that().resideInAPackage("com.evscallpro.telephony..")
                .should().dependOnClassesThat().resideInAnyPackage("com.evscallpro.db..", "com.evscallpro.core..",
                        "com.evscallpro.processes..", "com.evscallpro.workers..", "com.evscallpro.ui..",
                        "com.evscallpro.api..", "com.evscallpro.app..", "com.evscallpro.sandbox..")
                .check(classes);
    }

    @Test
    void telephony_knows_neither_zeebe_nor_spring_data() {
        noClasses().that().resideInAPackage("com.evscallpro.telephony..")
                .should().dependOnClassesThat().resideInAnyPackage("io.camunda..", "org.springframework.data..",
                        "com.vaadin..")
                .check(classes);
    }

    @Test
    void db_depends_only_on_itself() {
        noClasses().that().resideInAPackage("com.evscallpro.db..")
                .should().dependOnClassesThat().resideInAnyPackage("com.evscallpro.core..",
                        "com.evscallpro.telephony..", "com.evscallpro.workers..", "com.evscallpro.ui..",
                        "com.evscallpro.app..")
                .check(classes);
    }

    @Test
    void core_services_know_no_adapter_nor_engine_nor_ui() {
        noClasses().that().resideInAPackage("com.evscallpro.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.evscallpro.workers..",
                        "com.evscallpro.ui..", "com.evscallpro.api..", "com.evscallpro.app..", "io.camunda..",
                        "com.vaadin..")
                .check(classes);
    }

    @Test
    void core_does_not_reach_into_the_asterisk_adapter() {
        noClasses().that().resideInAPackage("com.evscallpro.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.evscallpro.telephony.asterisk..",
                        "com.evscallpro.telephony.yeastar..", "org.asteriskjava..")
                .check(classes);
    }

    /** The simulator serves tests, the sandbox and the benchmarks only: no production module may use it. */
    @Test
    void production_modules_do_not_depend_on_the_simulator() {
        noClasses().that().resideInAnyPackage(PRODUCTION_MODULES)
                .should().dependOnClassesThat().resideInAPackage("com.evscallpro.simulator..")
                .check(classes);
    }

    @Test
    void ui_talks_to_core_services_only() {
        noClasses().that().resideInAPackage("com.evscallpro.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("com.evscallpro.db..",
                        "com.evscallpro.telephony..", "com.evscallpro.workers..", "com.evscallpro.app..",
                        "io.camunda..", "org.springframework.jdbc..")
                .check(classes);
    }

    /** The REST API, like the UI, reaches the domain through core services only. */
    @Test
    void api_talks_to_core_services_only() {
        noClasses().that().resideInAPackage("com.evscallpro.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.evscallpro.db..",
                        "com.evscallpro.telephony..", "com.evscallpro.workers..", "com.evscallpro.ui..",
                        "com.evscallpro.app..", "io.camunda..", "org.springframework.jdbc..", "com.vaadin..")
                .check(classes);
    }

    @Test
    void api_features_are_free_of_cycles() {
        slices().matching("com.evscallpro.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void workers_do_not_touch_ui_or_database_directly() {
        noClasses().that().resideInAPackage("com.evscallpro.workers..")
                .should().dependOnClassesThat().resideInAnyPackage("com.evscallpro.ui..", "com.evscallpro.app..",
                        "com.evscallpro.db..", "org.springframework.jdbc..")
                .check(classes);
    }

    @Test
    void core_features_are_free_of_cycles() {
        slices().matching("com.evscallpro.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void ui_features_are_free_of_cycles() {
        slices().matching("com.evscallpro.ui.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * The typed process contract (issue: variable and message names in one place): only the engine adapter and
     * workers ({@code workers}) and the contract ({@code processes}) use the Camunda client and the job's variable
     * maps; the domain talks to the engine through {@code core.process.ProcessGateway}'s typed methods.
     */
    @Test
    void only_workers_and_processes_use_the_engine_client() {
        noClasses().that().resideOutsideOfPackages("com.evscallpro.workers..", "com.evscallpro.processes..",
                        "com.evscallpro.sandbox..")
                .and().doNotHaveFullyQualifiedName("com.evscallpro.app.EvsCallProApplication")
                .should().dependOnClassesThat().resideInAnyPackage("io.camunda.client..", "io.camunda.zeebe..")
                .because("the domain talks to the engine only through the typed ProcessGateway")
                .check(classes);
    }

    @Test
    void process_gateway_speaks_in_typed_methods_without_variable_maps() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that().areDeclaredInClassesThat().haveFullyQualifiedName("com.evscallpro.core.process.ProcessGateway")
                .should().haveRawParameterTypes(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "no Map parameter", (java.util.List<com.tngtech.archunit.core.domain.JavaClass> types) ->
                                types.stream().noneMatch(t -> t.isAssignableTo(java.util.Map.class))))
                .check(classes);
    }

    @Test
    void the_contract_names_are_spelled_only_in_processes_and_workers() {
        noClasses().that().resideOutsideOfPackages("com.evscallpro.workers..", "com.evscallpro.processes..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.evscallpro.processes.OutboundCallProcess")
                .check(classes);
    }
}
