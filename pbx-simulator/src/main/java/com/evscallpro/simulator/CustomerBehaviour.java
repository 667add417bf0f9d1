package com.evscallpro.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated customer reacts when the simulator dials them.
 *
 * @param kind what the customer does
 * @param ring how long the phone rings before the customer answers (ANSWER) or before the network reports busy /
 *             congestion / failure; 0 = at once. NO_ANSWER rings until the originate {@code Timeout}.
 * @param talk for ANSWER: how long the customer stays after answering before hanging up; null = until the other side
 *             hangs up
 * @param dtmf for ANSWER: digits the customer presses (one DTMF per digit, 100 ms apart) once connected; may be empty
 * @param takenForMachine for ANSWER: {@code AMD()} in the predictive holding context calls this live person a
 *             MACHINE (an AMD false positive: a long "Allô, oui, j'écoute..." read as a greeting, cause
 *             {@code LONGGREETING}); the dialplan then treats them as a machine
 */
public record CustomerBehaviour(Kind kind, Duration ring, Duration talk, String dtmf, boolean takenForMachine) {

    public enum Kind {
        /** Answers after {@code ring}, talks for {@code talk}, then hangs up (OriginateResponse Reason 4, cause 16). */
        ANSWER,
        /** The line is busy (Reason 5, Q.850 cause 17). */
        BUSY,
        /** Rings until the originate Timeout (Reason 3, cause 19). */
        NO_ANSWER,
        /** The network is congested (Reason 8, cause 34). */
        CONGESTION,
        /** The call fails before answer, like Hangup(1) (Reason 0, cause 1 unallocated number). */
        FAILED,
        /**
         * An answering machine: it answers after {@code ring} exactly like a person on AMI (Newstate Up, DialEnd
         * ANSWER, OriginateResponse Reason 4: the PBX cannot tell), "plays its greeting", records, and hangs up after
         * {@code talk} (cause 16). Detecting it (AMD) is the application's job; the simulator carries no audio.
         */
        ANSWERING_MACHINE
    }

    public CustomerBehaviour {
        Objects.requireNonNull(kind, "kind");
        ring = ring == null || ring.isNegative() ? Duration.ZERO : ring;
        dtmf = dtmf == null ? "" : dtmf;
    }

    public CustomerBehaviour(Kind kind, Duration ring, Duration talk, String dtmf) {
        this(kind, ring, talk, dtmf, false);
    }

    public static CustomerBehaviour answer(Duration ring, Duration talk) {
        return new CustomerBehaviour(Kind.ANSWER, ring, talk, "");
    }

    /** Answers after {@code ring} and stays until the other side hangs up. */
    public static CustomerBehaviour answerAndStay(Duration ring) {
        return new CustomerBehaviour(Kind.ANSWER, ring, null, "");
    }

    /**
     * An answering machine that picks up after {@code ring} and hangs up {@code greetingAndRecording} later (its
     * greeting, the beep, then the recording time it allows).
     */
    public static CustomerBehaviour answeringMachine(Duration ring, Duration greetingAndRecording) {
        return new CustomerBehaviour(Kind.ANSWERING_MACHINE, ring,
                greetingAndRecording == null ? Duration.ofSeconds(30) : greetingAndRecording, "");
    }

    /**
     * A live person who answers after {@code ring} and talks for {@code talk}, whom AMD takes for an answering
     * machine (a false positive): on AMI the same as {@link #answer}, but the holding context's {@code AMD()} says
     * MACHINE.
     */
    public static CustomerBehaviour personTakenForMachine(Duration ring, Duration talk) {
        return new CustomerBehaviour(Kind.ANSWER, ring, talk, "", true);
    }

    public static CustomerBehaviour busy() {
        return new CustomerBehaviour(Kind.BUSY, Duration.ZERO, null, "");
    }

    public static CustomerBehaviour noAnswer() {
        return new CustomerBehaviour(Kind.NO_ANSWER, Duration.ZERO, null, "");
    }

    public static CustomerBehaviour congestion() {
        return new CustomerBehaviour(Kind.CONGESTION, Duration.ZERO, null, "");
    }

    public static CustomerBehaviour failed() {
        return new CustomerBehaviour(Kind.FAILED, Duration.ZERO, null, "");
    }

    /** The same behaviour, pressing {@code digits} once connected (ANSWER only). */
    public CustomerBehaviour pressing(String digits) {
        return new CustomerBehaviour(kind, ring, talk, digits, takenForMachine);
    }

    /** The same behaviour after ringing for {@code ringFor}. */
    public CustomerBehaviour afterRinging(Duration ringFor) {
        return new CustomerBehaviour(kind, ringFor, talk, dtmf, takenForMachine);
    }
}
