package dev.alicia.adapters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.alicia.infra.local.LocalSystem;

/**
 * The run command: Kafka, Redis, PostgreSQL and the three services on embedded defaults; with {@code --demo},
 * the scripted morning is played through the reference adapters and printed. Ctrl-C stops everything.
 */
@SuppressWarnings("checkstyle:regexp")
public final class Demo {

    private static final PrintStream OUT = System.out;

    /**
     * The demo shows predictive routing itself: its A/B holdout (a share of contacts routed by the baseline to
     * measure the uplift) is off, so every scene goes as the story says.
     */
    static final java.util.Map<String, String> SETTINGS = java.util.Map.of("ALICIA_ROUTER_LEARNING_HOLDOUT_SHARE", "0");

    private Demo() {}

    public static void main(String[] args) throws Exception {
        if (!List.of(args).contains("--demo")) {
            LocalSystem.main(args);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        LocalSystem system = LocalSystem.start(root, root.resolve(".local"), SETTINGS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            stopped.countDown();
        }));
        // A tenant per run: the morning starts from an empty contact center, whatever .local kept.
        String tenant = "banque-du-nord-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        try (Platform platform = Platform.of(system, tenant);
                AgentDesktop desktop = new AgentDesktop(platform)) {
            OUT.println();
            OUT.println("A morning at the bank (tenant " + tenant + "; the A/B holdout is off for the demo)");
            new MorningScript(platform, new ChannelAdapters(platform), desktop, OUT).play();
        }
        OUT.println();
        OUT.println("The morning is over; the system keeps running. Press Ctrl-C to stop everything.");
        stopped.await();
    }
}
