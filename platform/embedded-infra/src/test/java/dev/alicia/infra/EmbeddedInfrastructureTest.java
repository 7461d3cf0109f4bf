package dev.alicia.infra;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedInfrastructureTest {

    @Test
    void a_record_produced_on_the_embedded_broker_is_consumed_back() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary(2)) {
            Map<String, Object> common = Map.of("bootstrap.servers", broker.bootstrapServers());
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
            }
            Map<String, Object> consumerConfig = new HashMap<>(common);
            consumerConfig.put("group.id", "probe");
            consumerConfig.put("auto.offset.reset", "earliest");
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("probe"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        values.add(record.value());
                    }
                }
            }
            assertThat(values).containsExactly("hello");
        }
    }

    @Test
    void redis_answers_commands_and_stops_listening_on_close() throws Exception {
        int port;
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.startTemporary();
                Socket socket = new Socket("127.0.0.1", redis.port())) {
            port = redis.port();
            socket.getOutputStream().write("SET a 1\r\nGET a\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = socket.getInputStream().readNBytes("+OK\r\n$1\r\n1\r\n".length());
            assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n$1\r\n1\r\n");
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void postgres_creates_a_database_per_service_and_serves_queries() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary()) {
            String url = postgres.createDatabase("presence");
            assertThat(postgres.createDatabase("presence")).isEqualTo(url);
            try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                    ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("presence");
            }
        }
    }
}
