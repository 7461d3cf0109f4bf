package dev.alicia.kit.redis;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import dev.alicia.kit.api.Ids;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisKeysTest {

    @Test
    void builds_tenant_scoped_keys_whose_slot_is_decided_by_the_tag() {
        assertThat(RedisKeys.key("context", RedisKeys.entityTag("bank-fr", "cust-42"), "journey"))
                .isEqualTo("context:{bank-fr:cust-42}:journey");
    }

    @Test
    void refuses_ids_that_would_move_a_key_to_another_slot_or_break_its_shape() {
        for (String bad : new String[] {"", ".", "..", "a{b}", "a:b", "a b", "é", "x".repeat(129)}) {
            assertThatThrownBy(() -> RedisKeys.checked(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RedisKeys.checked(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accepts_exactly_the_ids_the_api_accepts() {
        Pattern api = Pattern.compile(Ids.ENTITY);
        String alphabet = "aZ09._@+-{}: /éx";
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(0, 6);
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean accepted;
            try {
                RedisKeys.checked(id.toString());
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(accepted).as(id.toString()).isEqualTo(api.matcher(id).matches());
        }
    }
}
