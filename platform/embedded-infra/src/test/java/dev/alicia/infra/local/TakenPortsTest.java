package dev.alicia.infra.local;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TakenPortsTest {

    @Test
    void a_port_another_process_listens_on_is_refused_rather_than_silently_shared() throws Exception {
        int port;
        try (ServerSocket leftOver = new ServerSocket()) {
            leftOver.bind(new InetSocketAddress("127.0.0.1", 0));
            port = leftOver.getLocalPort();

            assertThatThrownBy(() -> LocalSystem.requireFree(port, "Redis"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Redis's port " + port + " is taken");
        }
        assertThatCode(() -> LocalSystem.requireFree(port, "Redis")).doesNotThrowAnyException();
    }
}
