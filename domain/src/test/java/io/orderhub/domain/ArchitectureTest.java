package io.orderhub.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries: the rules of the domain (the model packages) stay plain Java + JPA mapping,
 * contexts meet only through the shared kernel and application services, and nothing here knows the
 * engine.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.orderhub.domain");
  }

  @Test
  void modelShouldNotDependOnSpring() {
    noClasses()
        .that()
        .resideInAPackage("..domain..model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .because("the domain rules must be testable and readable without a framework")
        .check(classes);
  }

  @Test
  void modelShouldNotDependOnApplicationOrInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("..domain..model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..application..", "..infrastructure..")
        .check(classes);
  }

  @Test
  void sharedKernelShouldNotDependOnJpa() {
    noClasses()
        .that()
        .resideInAPackage("io.orderhub.domain.shared..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
        .check(classes);
  }

  @Test
  void modelsOfContextsShouldNotKnowEachOther() {
    String[] contexts = {"order", "inventory", "payment", "shipment", "outbox"};
    for (String context : contexts) {
      for (String other : contexts) {
        if (!context.equals(other)) {
          noClasses()
              .that()
              .resideInAPackage("io.orderhub.domain." + context + ".model..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage("io.orderhub.domain." + other + "..")
              .check(classes);
        }
      }
    }
  }

  @Test
  void domainShouldNotDependOnTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("io.orderhub.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.orderhub.engine..", "io.camunda..")
        .because("the application talks to the engine over the wire only")
        .check(classes);
  }
}
