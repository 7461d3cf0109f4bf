package dev.alicia.context.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.alicia.context.client.model.Emotion;
import dev.alicia.context.client.model.Register;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmotionDetectorTest {

    private final EmotionDetector detector = new EmotionDetector();

    record Labelled(String language, Emotion emotion, Register register, String text) {}

    @Test
    void reads_the_feeling_of_labelled_french_and_english_messages_with_at_least_85_percent_accuracy()
            throws IOException {
        List<Labelled> messages = labelled();
        List<String> misread = new ArrayList<>();
        for (Labelled message : messages) {
            Emotion read = detector.read(message.text(), message.language()).emotion();
            if (read != message.emotion()) {
                misread.add(message.emotion() + " read as " + read + ": " + message.text());
            }
        }
        double accuracy = 1.0 - (double) misread.size() / messages.size();

        assertThat(messages).hasSizeGreaterThanOrEqualTo(40);
        assertThat(messages).extracting(Labelled::language).contains("fr", "en");
        assertThat(accuracy).as("accuracy; misread: %s", misread).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void reads_the_register_of_labelled_messages_that_show_one_with_at_least_85_percent_accuracy() throws IOException {
        List<Labelled> withRegister =
                labelled().stream().filter(m -> m.register() != null).toList();
        List<String> misread = withRegister.stream()
                .filter(m -> detector.read(m.text(), m.language()).register() != m.register())
                .map(m -> m.register() + " read as "
                        + detector.read(m.text(), m.language()).register() + ": " + m.text())
                .toList();

        assertThat(withRegister).hasSizeGreaterThanOrEqualTo(15);
        assertThat(1.0 - (double) misread.size() / withRegister.size())
                .as("accuracy; misread: %s", misread)
                .isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void pas_content_is_dissatisfaction_and_not_worried_is_no_fear() {
        assertThat(detector.read("Je ne suis pas content", "fr").emotion()).isEqualTo(Emotion.DISSATISFACTION);
        assertThat(detector.read("I'm not worried at all", "en").emotion()).isEqualTo(Emotion.NEUTRAL);
        assertThat(detector.read("I am not happy", "en").emotion()).isEqualTo(Emotion.DISSATISFACTION);
    }

    @Test
    void shouting_makes_anger_stronger() {
        double calm = detector.read("I am angry", "en").intensity();
        double shouted =
                detector.read("I am ANGRY, this is UNACCEPTABLE!!!", "en").intensity();

        assertThat(shouted).isGreaterThan(calm);
    }

    @Test
    void vous_is_formal_and_tu_is_informal() {
        assertThat(detector.read("Pouvez-vous m'aider ?", "fr").register()).isEqualTo(Register.FORMAL);
        assertThat(detector.read("Tu peux m'aider ?", "fr").register()).isEqualTo(Register.INFORMAL);
    }

    @Test
    void guesses_the_language_when_the_adapter_did_not_say() {
        assertThat(detector.guessLanguage("On m'a volé ma carte ce matin")).isEqualTo("fr");
        assertThat(detector.guessLanguage("My card was stolen this morning")).isEqualTo("en");
    }

    @Test
    void reads_french_typed_without_apostrophes_as_french_and_hears_the_fear_in_it() {
        EmotionReading reading = detector.read("On m a volé ma carte ce matin, j ai peur", null);

        assertThat(reading.language()).isEqualTo("fr");
        assertThat(reading.emotion()).isEqualTo(Emotion.FEAR);
    }

    private static List<Labelled> labelled() throws IOException {
        List<Labelled> messages = new ArrayList<>();
        try (InputStream in = EmotionDetectorTest.class.getResourceAsStream("/labelled-messages.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 4);
                messages.add(new Labelled(
                        columns[0],
                        Emotion.valueOf(columns[1]),
                        columns[2].equals("-") ? null : Register.valueOf(columns[2]),
                        columns[3]));
            }
        }
        return messages;
    }
}
