package io.orderhub.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.orderhub.domain.payment.infrastructure.SimulatedPaymentProvider;
import org.junit.jupiter.api.Test;

/**
 * The application talks to the engine over the wire, through the Camunda client, exactly as it
 * would talk to Zeebe: only {@code io.orderhub.app.local} may touch engine classes, to start and
 * stop the embedded engine.
 */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.orderhub.app");

  @Test
  void shouldReachTheEngineOnlyThroughTheClient() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.orderhub.app.local..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.orderhub.engine..")
        .check(classes);
  }

  @Test
  void shouldNotReachIntoTheDomainsPersistence() {
    noClasses()
        .that()
        .resideInAPackage("io.orderhub.app..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.orderhub.domain..infrastructure..")
                // the simulator is wired to the webhook handler, as its documentation asks
                .and(not(assignableTo(SimulatedPaymentProvider.class))))
        .because("the application uses the domain's services, not its repositories")
        .check(classes);
  }
}
