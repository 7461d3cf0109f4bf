package dev.alicia.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rule that domain logic (scoring, queue ordering, capacity, learning) is plain Java: a service's
 * {@code ..domain..} package may not depend on a framework or on the service's other layers.
 */
public final class DomainPurity {

    private DomainPurity() {}

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses()
                .that()
                .resideInAPackage(servicePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "io.smallrye..",
                        "io.vertx..",
                        "jakarta..",
                        "javax..",
                        "org.hibernate..",
                        "org.apache.kafka..",
                        "com.fasterxml..",
                        "org.jboss..",
                        "io.micrometer..",
                        "dev.alicia.kit..",
                        servicePackage + ".api..",
                        servicePackage + ".messaging..",
                        servicePackage + ".persistence..",
                        servicePackage + ".store..",
                        servicePackage + ".live..",
                        servicePackage + ".service..")
                .because("domain logic is plain Java, testable without infrastructure")
                .check(classes);
    }
}
