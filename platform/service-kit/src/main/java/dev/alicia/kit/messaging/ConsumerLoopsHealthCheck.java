package dev.alicia.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while every consumer loop runs and is not stuck retrying a record. */
@Readiness
@ApplicationScoped
public class ConsumerLoopsHealthCheck implements HealthCheck {

    private final ConsumerLoops loops;

    public ConsumerLoopsHealthCheck(ConsumerLoops loops) {
        this.loops = loops;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("kafka-consumers").up();
        for (ConsumerLoop<?> loop : loops.all()) {
            response.withData(loop.topic(), loop.healthy() ? "consuming" : "retrying or stopped");
            if (!loop.healthy()) {
                response.down();
            }
        }
        return response.build();
    }
}
