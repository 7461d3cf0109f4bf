package dev.alicia.context.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BriefBuilderTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private final BriefBuilder builder = new BriefBuilder();

    @Test
    void alicias_brief_tells_the_agent_everything_the_voicebot_captured_and_how_to_speak_to_her() {
        List<StoryEvent> story = List.of(
                event("call-1", ConversationEventType.CONTACT_STARTED, 0, null, null, Map.of()),
                new StoryEvent(
                        "e2",
                        "alicia",
                        "call-1",
                        Channel.VOICEBOT,
                        ConversationEventType.INTENT_DETECTED,
                        T0.plusSeconds(20),
                        "fr",
                        "On m'a volé ma carte, j'ai peur",
                        "stolen_card",
                        0.93,
                        Map.of("cardLast4", "4821"),
                        Emotion.FEAR,
                        0.6,
                        Register.FORMAL,
                        null,
                        null),
                event("call-1", ConversationEventType.STEP_TRIED, 40, "blocked the card in the app", null, Map.of()));

        HandoffBrief brief = builder.build(
                "alicia",
                "call-1",
                new BriefBuilder.Profile("Alicia Moreau", "fr", Register.FORMAL),
                story,
                T0.plusSeconds(60));

        assertThat(brief.addressAs()).isEqualTo("Madame/Monsieur Moreau");
        assertThat(brief.intent()).isEqualTo("stolen_card");
        assertThat(brief.capturedEntities()).containsEntry("cardLast4", "4821");
        assertThat(brief.alreadyTried()).containsExactly("blocked the card in the app");
        assertThat(brief.emotionTrajectory())
                .extracting(HandoffBrief.EmotionPoint::emotion)
                .containsExactly(Emotion.FEAR);
        assertThat(brief.story()).hasSize(3).first().asString().contains("08:00 VOICE: contact started");
        assertThat(brief.empathyCues())
                .anySatisfy(cue -> assertThat(cue).contains("worried").contains("reassure"))
                .anySatisfy(cue -> assertThat(cue).contains("Do not ask again for: cardLast4"))
                .anySatisfy(cue -> assertThat(cue).contains("do not suggest it again"))
                .anySatisfy(cue -> assertThat(cue).contains("Answer in fr and say vous"));
    }

    @Test
    void a_long_wait_and_a_transfer_are_acknowledged_and_an_unresolved_past_contact_is_flagged() {
        List<StoryEvent> story = List.of(
                new StoryEvent(
                        "p1",
                        "c",
                        "chat-0",
                        Channel.CHAT,
                        ConversationEventType.CONTACT_ENDED,
                        T0.minusSeconds(3600),
                        null,
                        null,
                        null,
                        null,
                        Map.of(),
                        null,
                        null,
                        null,
                        "UNRESOLVED",
                        "agent-7"),
                event("call-1", ConversationEventType.CONTACT_STARTED, 0, null, null, Map.of()),
                event("call-1", ConversationEventType.TRANSFERRED, 200, "cards → fraud", null, Map.of()));

        HandoffBrief brief = builder.build("c", "call-1", null, story, T0.plusSeconds(300));

        assertThat(brief.waitedSeconds()).isEqualTo(300);
        assertThat(brief.transfers()).isEqualTo(1);
        assertThat(brief.pastContacts())
                .singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo("UNRESOLVED"));
        assertThat(brief.empathyCues())
                .anySatisfy(cue -> assertThat(cue).contains("waited 5 min"))
                .anySatisfy(cue -> assertThat(cue).contains("transferred 1 time"))
                .anySatisfy(cue -> assertThat(cue).contains("ended UNRESOLVED"));
    }

    @Test
    void an_informal_customer_is_addressed_by_first_name() {
        HandoffBrief brief = builder.build(
                "c", "chat-1", new BriefBuilder.Profile("Léa Dubois", "fr", Register.INFORMAL), List.of(), T0);

        assertThat(brief.addressAs()).isEqualTo("Léa");
        assertThat(brief.empathyCues()).anySatisfy(cue -> assertThat(cue).contains("say tu"));
    }

    private static StoryEvent event(
            String contact,
            ConversationEventType type,
            long second,
            String text,
            String intent,
            Map<String, String> entities) {
        return new StoryEvent(
                "e-" + type + second,
                "c",
                contact,
                Channel.VOICE,
                type,
                T0.plusSeconds(second),
                null,
                text,
                intent,
                null,
                entities,
                null,
                null,
                null,
                null,
                null);
    }
}
