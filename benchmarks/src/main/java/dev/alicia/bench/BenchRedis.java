package dev.alicia.bench;

import java.time.Duration;

import dev.alicia.infra.EmbeddedRedisServer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.runtime.datasource.BlockingRedisDataSourceImpl;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/** The Quarkus Redis data sources the services use, built outside Quarkus against a benchmark's own server. */
final class BenchRedis implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final Redis client;
    final ReactiveRedisDataSourceImpl reactive;
    final RedisDataSource blocking;

    BenchRedis(EmbeddedRedisServer server, int poolSize) {
        client = Redis.createClient(
                vertx,
                new RedisOptions()
                        .setConnectionString(server.uri())
                        .setMaxPoolSize(poolSize)
                        .setMaxPoolWaiting(4096));
        reactive = new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
        blocking = new BlockingRedisDataSourceImpl(reactive, Duration.ofSeconds(10));
    }

    /** Mean time Redis itself spent per script call since the last CONFIG RESETSTAT (INFO commandstats). */
    double scriptMicros() {
        String stats = blocking.execute("INFO", "commandstats").toString();
        for (String line : stats.split("\\r?\\n")) {
            if (line.startsWith("cmdstat_evalsha:")) {
                for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                    if (field.startsWith("usec_per_call=")) {
                        return Double.parseDouble(field.substring("usec_per_call=".length()));
                    }
                }
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        client.close();
        vertx.closeAndAwait();
    }
}
