package dev.alicia.adapters;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Contacts handed over by a channel adapter at a steady rate, on {@code contacts.inbound} as the contract says (keyed
 * {@code <tenantId>:<contactId>}), on a thread of its own so that the test can break things meanwhile. A publish the
 * broker does not acknowledge (it is down) is tried again until it is: the adapter never drops a contact, and the
 * router's dedup on the contact id absorbs a copy that was in fact written.
 */
final class ContactLoad {

    /** What is published for the {@code index}-th contact; the default publishes it once. */
    interface Publishing {
        Publishing ONCE = (load, index, contactId) -> load.publishContact(contactId);

        void publish(ContactLoad load, int index, String contactId);
    }

    private final Platform platform;
    private final String prefix;
    private final int count;
    private final Duration interval;
    private final Publishing publishing;
    private final Map<String, Long> firstSent = new ConcurrentHashMap<>();
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final Thread thread;
    private volatile RuntimeException failure;

    private ContactLoad(Platform platform, String prefix, int count, int perSecond, Publishing publishing) {
        this.platform = platform;
        this.prefix = prefix;
        this.count = count;
        this.interval = Duration.ofNanos(1_000_000_000L / perSecond);
        this.publishing = publishing;
        this.thread = new Thread(this::run, "contact-load");
        this.thread.setDaemon(true);
    }

    static ContactLoad start(Platform platform, String prefix, int count, int perSecond) {
        return start(platform, prefix, count, perSecond, Publishing.ONCE);
    }

    static ContactLoad start(Platform platform, String prefix, int count, int perSecond, Publishing publishing) {
        ContactLoad load = new ContactLoad(platform, prefix, count, perSecond, publishing);
        load.thread.start();
        return load;
    }

    private void run() {
        long next = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                publishing.publish(this, i, prefix + "-" + i);
                next += interval.toNanos();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Publishes the contact (again, for a duplicate); its first publication is when it counts as sent. */
    void publishContact(String contactId) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("contactId", contactId);
        contact.put("tenantId", platform.tenantId());
        contact.put("customerId", "customer-" + contactId);
        contact.put("channel", "VOICE");
        contact.put("language", "fr");
        contact.put("intent", "billing");
        contact.put("arrivedAt", Instant.now().toString());
        firstSent.putIfAbsent(contactId, System.currentTimeMillis());
        publish(ChannelAdapters.CONTACTS, platform.tenantId() + ":" + contactId, contact);
    }

    /** Publishes any record, tried again until the broker acknowledges it. */
    void publish(String topic, String key, Object value) {
        while (true) {
            try {
                platform.publish(topic, key, value);
                published.incrementAndGet();
                return;
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                retried.incrementAndGet();
            }
        }
    }

    /** How many contacts were sent so far (each counted once, however many copies were published). */
    int sent() {
        return firstSent.size();
    }

    /** Each contact sent, with when it was first published (epoch ms). */
    Map<String, Long> sentAt() {
        return Map.copyOf(firstSent);
    }

    int records() {
        return published.get();
    }

    int retriedPublishes() {
        return retried.get();
    }

    /** Waits until every contact is sent; rethrows what stopped the sender, if anything did. */
    void awaitSent(Duration bound) throws InterruptedException {
        thread.join(bound.toMillis());
        if (failure != null) {
            throw failure;
        }
        if (thread.isAlive()) {
            thread.interrupt();
            throw new IllegalStateException("the load did not finish sending within " + bound);
        }
    }
}
