package dev.weft.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The workflow module is pure: no I/O, threads, clocks or hidden randomness (ARCHITECTURE.md section 4). */
class ModuleBoundaryTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.weft.workflow");

  @Test
  void theWorkflowModuleDoesNoIo() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..", "javax.sql..", "java.net.http..")
        .because("reading a document and deciding are functions of their arguments")
        .check(CORE);
  }

  @Test
  void theWorkflowModuleStartsNoThreads() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.util.concurrent..")
        .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
        .because("the decider is tested without threads or sleeps")
        .check(CORE);
  }

  @Test
  void theWorkflowModuleReadsNoClockAndNoHiddenRandomness() {
    noClasses().should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(java.time.OffsetDateTime.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.UUID")
        .orShould().callMethod(Math.class, "random")
        .because("time arrives with the event and jitter is seeded from the instance id and attempt")
        .check(CORE);
  }

  @Test
  void theWorkflowModuleDependsOnlyOnJacksonJqTheSchemaValidatorCronUtilsAndTheJdk() {
    noClasses().should().dependOnClassesThat()
        .resideOutsideOfPackages("dev.weft.workflow..", "java..", "com.fasterxml.jackson..", "net.thisptr.jackson.jq..",
            "com.networknt.schema..", "com.cronutils..")
        .because("weft-workflow sits below the store and the server")
        .check(CORE);
  }
}
