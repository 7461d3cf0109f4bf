package dev.alicia.context.client.model;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class ModelPurityTest {

    @Test
    void the_story_and_the_brief_are_plain_java() {
        classes()
                .that()
                .resideInAPackage("dev.alicia.context.client.model..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.alicia.context.client.model..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.alicia.context.client"));
    }
}
