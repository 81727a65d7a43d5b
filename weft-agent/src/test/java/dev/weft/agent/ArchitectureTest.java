package dev.weft.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** weft-agent may use weft-model, never the server, the store, the workflow engine or the scheduler. */
class ArchitectureTest {
  static final JavaClasses AGENT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.weft.agent");

  @Test
  void the_agent_does_not_reach_into_server_internals() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.weft.server..", "dev.weft.store..",
        "dev.weft.workflow..", "dev.weft.scheduler..", "dev.weft.sim..", "dev.weft.cli..").check(AGENT);
  }

  @Test
  void the_outcome_rules_are_pure() {
    noClasses().that().haveSimpleName("OutcomeRules").should().dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio..", "java.util.concurrent..").check(AGENT);
  }
}
