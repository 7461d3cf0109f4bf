package dev.alicia.context.domain;

import dev.alicia.testing.DomainPurity;
import org.junit.jupiter.api.Test;

class DomainPurityTest {

    @Test
    void the_domain_package_imports_no_framework() {
        DomainPurity.check("dev.alicia.context");
    }
}
