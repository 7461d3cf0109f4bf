package dev.alicia.kit.api;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A store or broker refusing connections is a 503 to retry, not an internal error. */
class UnreachableStoreTest {

    @Test
    void a_refused_connection_anywhere_among_the_causes_means_the_service_is_unavailable() {
        // As the Redis client reports it: the blocking call's CompletionException around Netty's ConnectException.
        assertThat(ProblemExceptionMappers.unreachable(
                        new CompletionException(new ConnectException("Connection refused: /127.0.0.1:6379"))))
                .isTrue();
        assertThat(ProblemExceptionMappers.unreachable(new ConnectException("refused")))
                .isTrue();
    }

    @Test
    void any_other_failure_stays_an_internal_error() {
        assertThat(ProblemExceptionMappers.unreachable(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(ProblemExceptionMappers.unreachable(new CompletionException(new NullPointerException())))
                .isFalse();
    }
}
