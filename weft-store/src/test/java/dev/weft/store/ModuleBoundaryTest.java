package dev.weft.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What weft-store may and may not reach (ARCHITECTURE.md section 4). */
class ModuleBoundaryTest {
  private static final JavaClasses STORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.weft.store");

  @Test
  void theStoreSpeaksNoHttp() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..")
        .because("weft-store may not import HTTP")
        .check(STORE);
  }

  @Test
  void theStoreKnowsNothingOfTheWorkflowModuleOrTheServer() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.weft.workflow..", "dev.weft.server..", "dev.weft.scheduler..")
        .because("ports carry JSON payloads, so the store stays below the DSL and the decider")
        .check(STORE);
  }

  @Test
  void thePortsHideJdbc() {
    noClasses().that().resideInAPackage("dev.weft.store").and().doNotHaveSimpleName("Database")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "dev.weft.store.jdbc..")
        .because("ports are technology-free; only Database picks the adapters")
        .check(STORE);
  }

  @Test
  void theStoreReadsNoWallClock() {
    noClasses().should().callMethod(Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .because("every write takes its time as an argument, so tests move time by hand")
        .check(STORE);
  }
}
