package dev.alicia.sim;

import java.util.Map;

import dev.alicia.context.client.model.Emotion;
import dev.alicia.router.domain.ContactNeeds;
import dev.alicia.router.domain.learning.Arm;
import dev.alicia.router.domain.learning.ContactKind;
import dev.alicia.router.domain.learning.EmotionBand;

/**
 * A simulated customer contact. Every random draw its life may need (patience, resolution, handle and wrap-up
 * times, transfer, survey) is made when it arrives, so every strategy meets exactly the same customers: a
 * better agent for the same draw resolves whatever a worse one would have (common random numbers).
 */
final class SimContact {

    final int seq;
    final String id;
    final long arrival;
    final String intent;
    final String channel;
    final String language;
    final String tier;
    final Emotion emotion;
    final double intensity;
    final EmotionBand band;
    final boolean distressed;
    final ContactNeeds needs;
    final ContactKind kind;
    /** Log-odds of resolution with an average agent: intent, channel and feeling. */
    final double baseLogit;
    /** Mean handle time with an average agent: intent, channel, and longer with a distressed customer. */
    final double meanHandleSeconds;

    // Per leg: [0] the first contact, [1] after a transfer.
    final double[] patienceSeconds;
    final double[] resolutionDraw;
    final double[] handleGaussian;
    final double[] handleUniform;
    final double[] wrapUniform;
    final double transferDraw;
    final double surveyDraw;
    final double satisfactionNoise;

    Arm arm = Arm.PREDICTIVE;
    double waitedSeconds;

    SimContact(
            int seq,
            long arrival,
            String intent,
            String channel,
            String language,
            String tier,
            Emotion emotion,
            double intensity,
            double baseLogit,
            double meanHandleSeconds,
            double[] patienceSeconds,
            double[] resolutionDraw,
            double[] handleGaussian,
            double[] handleUniform,
            double[] wrapUniform,
            double transferDraw,
            double surveyDraw,
            double satisfactionNoise) {
        this.seq = seq;
        this.id = "contact-" + seq;
        this.arrival = arrival;
        this.intent = intent;
        this.channel = channel;
        this.language = language;
        this.tier = tier;
        this.emotion = emotion;
        this.intensity = intensity;
        // Chat customers write informally, callers are met formally: the register the profile's strengths rate.
        this.needs = new ContactNeeds(
                language,
                channel.equals("chat") ? "informal" : "formal",
                intent,
                Map.of(intent, 1),
                emotion,
                intensity,
                null,
                null);
        this.band = EmotionBand.of(needs);
        this.distressed = needs.distressed();
        this.kind = ContactKind.of(needs, channel, tier);
        this.baseLogit = baseLogit + bandShift(band);
        this.meanHandleSeconds = meanHandleSeconds * (distressed ? 1.25 : 1);
        this.patienceSeconds = patienceSeconds;
        this.resolutionDraw = resolutionDraw;
        this.handleGaussian = handleGaussian;
        this.handleUniform = handleUniform;
        this.wrapUniform = wrapUniform;
        this.transferDraw = transferDraw;
        this.surveyDraw = surveyDraw;
        this.satisfactionNoise = satisfactionNoise;
    }

    /** Upset and distressed customers are harder to resolve for everyone. */
    static double bandShift(EmotionBand band) {
        return switch (band) {
            case CALM -> 0;
            case UPSET -> -0.3;
            case DISTRESSED -> -0.6;
        };
    }
}
