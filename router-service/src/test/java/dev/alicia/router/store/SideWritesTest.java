package dev.alicia.router.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SideWritesTest {

    @Test
    void passes_each_side_key_once_after_the_scripts_own_and_each_write_as_four_arguments() {
        Map<String, Long> amounts = new LinkedHashMap<>();
        amounts.put("answered", 1L);
        amounts.put("waitMillis", 1_200L);
        SideWrites writes = SideWrites.counters("stats:{t}:q:1", amounts, 3_900)
                .and(SideWrites.hset("streaks:{t}", "camille", "1;0"));
        List<String> keys = new ArrayList<>(List.of("contact:{t}:c-1"));
        List<String> args = new ArrayList<>(List.of("{...}"));

        writes.appendTo(keys, args);

        assertThat(keys).containsExactly("contact:{t}:c-1", "stats:{t}:q:1", "streaks:{t}");
        assertThat(args)
                .containsExactly(
                        "{...}",
                        "0",
                        "HINCRBY",
                        "answered",
                        "1",
                        "0",
                        "HINCRBY",
                        "waitMillis",
                        "1200",
                        "0",
                        "EXPIRE",
                        "3900",
                        "",
                        "1",
                        "HSET",
                        "camille",
                        "1;0");
    }

    @Test
    void none_adds_nothing() {
        List<String> keys = new ArrayList<>(List.of("k"));
        List<String> args = new ArrayList<>(List.of("a"));
        SideWrites.NONE.and(SideWrites.NONE).appendTo(keys, args);
        assertThat(keys).containsExactly("k");
        assertThat(args).containsExactly("a");
    }
}
