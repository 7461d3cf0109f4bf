package dev.alicia.router.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

/** The router's clock in tests: real time plus whatever a test has skipped ahead, so timeouts need no sleeps. */
@Singleton
public class TestClock extends Clock {

    private final AtomicLong skipped = new AtomicLong();

    public void advance(Duration duration) {
        skipped.addAndGet(duration.toMillis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + skipped.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
