package com.evscallpro.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who answers what: an explicit behaviour per dialled number, and for every other number a seeded-random default
 * (answer probability, busy share of the unanswered calls, ring and talk time ranges) drawn from
 * {@code java.util.Random(seed)}, so a run with the same seed and the same dialling order is repeatable.
 *
 * <pre>{@code
 * CustomerScript script = CustomerScript.random(42)
 *         .answerProbability(0.6)
 *         .ringTime(Duration.ofSeconds(1), Duration.ofSeconds(6))
 *         .talkTime(Duration.ofSeconds(20), Duration.ofSeconds(90))
 *         .with("+33612345678", CustomerBehaviour.busy());
 * }</pre>
 */
public final class CustomerScript {

    private final Map<String, CustomerBehaviour> byNumber = new ConcurrentHashMap<>();
    private final Random random;
    private volatile double answerProbability = 1.0;
    private volatile double busyShare = 0.5;
    private volatile Duration ringMin = Duration.ofMillis(500);
    private volatile Duration ringMax = Duration.ofSeconds(3);
    private volatile Duration talkMin = Duration.ofSeconds(10);
    private volatile Duration talkMax = Duration.ofSeconds(60);

    private CustomerScript(long seed) {
        this.random = new Random(seed);
    }

    /** A script where unknown numbers behave randomly (by default: all answer) with the given seed. */
    public static CustomerScript random(long seed) {
        return new CustomerScript(seed);
    }

    /** Every number not listed answers after {@code ring} and talks for {@code talk} (null = stays). */
    public static CustomerScript alwaysAnswer(Duration ring, Duration talk) {
        return new CustomerScript(0).ringTime(ring, ring).talkTime(talk, talk);
    }

    /** Fixes the behaviour of one number (as dialled, E.164 with its '+'). */
    public CustomerScript with(String number, CustomerBehaviour behaviour) {
        byNumber.put(Objects.requireNonNull(number, "number"), Objects.requireNonNull(behaviour, "behaviour"));
        return this;
    }

    /** Probability that an unlisted number answers (0..1). */
    public CustomerScript answerProbability(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("answer probability must be within 0..1");
        }
        this.answerProbability = p;
        return this;
    }

    /** Among unanswered unlisted numbers, the share that is busy (the rest rings out with no answer). */
    public CustomerScript busyShare(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("busy share must be within 0..1");
        }
        this.busyShare = share;
        return this;
    }

    public CustomerScript ringTime(Duration min, Duration max) {
        this.ringMin = Objects.requireNonNull(min);
        this.ringMax = Objects.requireNonNull(max);
        return this;
    }

    /** Talk time range; null for both = customers stay until the other side hangs up. */
    public CustomerScript talkTime(Duration min, Duration max) {
        this.talkMin = min;
        this.talkMax = max == null ? min : max;
        return this;
    }

    /** The behaviour for a dialled number: the listed one, else a fresh random draw. */
    public CustomerBehaviour behaviourFor(String number) {
        CustomerBehaviour listed = byNumber.get(number);
        if (listed != null) {
            return listed;
        }
        synchronized (random) {
            double draw = random.nextDouble();
            Duration ring = between(ringMin, ringMax);
            if (draw < answerProbability) {
                Duration talk = talkMin == null ? null : between(talkMin, talkMax);
                return CustomerBehaviour.answer(ring, talk);
            }
            if (random.nextDouble() < busyShare) {
                return CustomerBehaviour.busy().afterRinging(ring);
            }
            return CustomerBehaviour.noAnswer();
        }
    }

    private Duration between(Duration min, Duration max) {
        long lo = min.toMillis();
        long hi = Math.max(lo, max.toMillis());
        return Duration.ofMillis(lo == hi ? lo : lo + (long) (random.nextDouble() * (hi - lo)));
    }
}
