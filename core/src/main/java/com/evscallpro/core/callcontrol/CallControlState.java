package com.evscallpro.core.callcontrol;

import com.evscallpro.telephony.PbxCapability;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the agent's controls show for their current call.
 *
 * @param callId       the call, null when the agent is on none
 * @param held         the customer is on hold (music)
 * @param muted        the agent's microphone is muted towards the customer
 * @param consultation an attended transfer is in progress: the target the agent is talking to (null when none)
 * @param available    the controls the call's PBX can do at all (a Yeastar site: no {@link Control#DTMF}); empty
 *                     without a call. Hanging up and scheduling a callback are always possible.
 */
public record CallControlState(String callId, boolean held, boolean muted, TransferTarget consultation,
                               Set<Control> available) {

    public static final CallControlState NONE = new CallControlState(null, false, false, null);

    /** A control that depends on what the call's PBX can do, with the refusal when it cannot. */
    public enum Control {
        /** Hold and resume. */
        HOLD(PbxCapability.HOLD, "callcontrol.pbx-cannot-hold"),
        MUTE(PbxCapability.MUTE, "callcontrol.pbx-cannot-mute"),
        /** Send keypad tones to the customer. */
        DTMF(PbxCapability.SEND_DTMF, "callcontrol.pbx-cannot-send-dtmf"),
        /** Blind transfer. */
        TRANSFER(PbxCapability.BLIND_TRANSFER, "callcontrol.pbx-cannot-transfer"),
        /** Attended transfer: start, complete, cancel a consultation. */
        CONSULT(PbxCapability.ATTENDED_TRANSFER, "callcontrol.pbx-cannot-consult");

        private final PbxCapability needs;
        private final String refusal;

        Control(PbxCapability needs, String refusal) {
            this.needs = needs;
            this.refusal = refusal;
        }

        /**
         * The error code when the call's PBX cannot do it ({@code callcontrol.pbx-cannot-…}); its text says what to
         * do instead (e.g. press the keys on the phone).
         */
        public String refusal() {
            return refusal;
        }

        /** The controls a PBX with these capabilities can do. */
        public static Set<Control> of(Collection<PbxCapability> capabilities) {
            EnumSet<Control> out = EnumSet.noneOf(Control.class);
            for (Control c : values()) {
                if (capabilities.contains(c.needs)) {
                    out.add(c);
                }
            }
            return Collections.unmodifiableSet(out);
        }
    }

    public CallControlState {
        available = available == null || available.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(available));
    }

    /** Every control available on a call ({@code callId} not null), none without one. */
    public CallControlState(String callId, boolean held, boolean muted, TransferTarget consultation) {
        this(callId, held, muted, consultation, callId == null ? Set.of() : EnumSet.allOf(Control.class));
    }

    /** Whether the call's PBX can do {@code control}. */
    public boolean can(Control control) {
        return available.contains(control);
    }
}
