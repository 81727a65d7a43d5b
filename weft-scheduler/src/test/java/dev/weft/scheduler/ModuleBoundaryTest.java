package dev.weft.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The scheduler is a pure function of its snapshot: no I/O, threads, clocks or hidden randomness. */
class ModuleBoundaryTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.weft.scheduler");

  @Test
  void theSchedulerDoesNoIo() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..", "javax.sql..", "java.net.http..")
        .because("the scheduler core reads no files, database or network (ARCHITECTURE.md section 4)")
        .check(CORE);
  }

  @Test
  void theSchedulerStartsNoThreads() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.util.concurrent..")
        .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
        .because("the scheduler core is tested without threads or sleeps")
        .check(CORE);
  }

  @Test
  void theSchedulerReadsNoClockAndNoHiddenRandomness() {
    noClasses().should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.LocalDateTime")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
        .orShould().callMethod(Math.class, "random")
        .because("time arrives as an argument and the same input must give the same plan")
        .check(CORE);
  }

  @Test
  void theSchedulerDependsOnlyOnTheModelAndTheJdk() {
    noClasses().should().dependOnClassesThat()
        .resideOutsideOfPackages("dev.weft.scheduler..", "dev.weft.model..", "java..")
        .because("weft-scheduler may use weft-model and the JDK only")
        .check(CORE);
  }
}
