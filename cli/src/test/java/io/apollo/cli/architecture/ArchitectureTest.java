package io.apollo.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md, held on the compiled classes of every module (the cli module sees them
 * all). The Maven enforcer bans module dependencies; this bans what a stray import could still do: package cycles
 * inside a module, and the hub and the spoke reaching into each other.
 */
class ArchitectureTest {
  private static JavaClasses apollo;

  @BeforeAll
  static void importApollo() {
    apollo = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.apollo");
  }

  /** Every rule below would hold vacuously over a module whose classes were not imported. */
  @Test
  void everyModulesClassesAreImported() {
    for (String module : java.util.List.of("core", "reconciler", "spoke", "cli")) {
      assertThat(apollo.stream().filter(c -> c.getPackageName().startsWith("io.apollo." + module + ".")).count())
          .as("classes of io.apollo.%s", module).isGreaterThan(20);
    }
  }

  @Test
  void corePackagesDependOneWay() {
    // version -> config -> load/report -> constraint/approval -> plan -> entity/explain (issue 6).
    slices().matching("io.apollo.core.(*)..").should().beFreeOfCycles().check(apollo);
  }

  @Test
  void hubPackagesDependOneWay() {
    slices().matching("io.apollo.reconciler.(*)..").should().beFreeOfCycles().check(apollo);
  }

  @Test
  void spokePackagesDependOneWay() {
    slices().matching("io.apollo.spoke.(*)..").should().beFreeOfCycles().check(apollo);
  }

  @Test
  void hubNeverUsesTheSpoke() {
    noClasses().that().resideInAPackage("io.apollo.reconciler..")
        .should().dependOnClassesThat().resideInAnyPackage("io.apollo.spoke..", "io.apollo.cli..")
        .check(apollo);
  }

  @Test
  void spokeNeverUsesTheHub() {
    noClasses().that().resideInAPackage("io.apollo.spoke..")
        .should().dependOnClassesThat().resideInAnyPackage("io.apollo.reconciler..", "io.apollo.cli..")
        .check(apollo);
  }

  @Test
  void coreIsPure() {
    noClasses().that().resideInAPackage("io.apollo.core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.apollo.reconciler..", "io.apollo.spoke..", "io.apollo.cli..",
            "io.vertx..", "io.netty..", "org.eclipse.jgit..", "java.sql..")
        .check(apollo);
  }
}
