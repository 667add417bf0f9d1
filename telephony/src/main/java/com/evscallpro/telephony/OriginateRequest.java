package com.evscallpro.telephony;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An outbound call: dial {@code number} (E.164) and, once answered, connect it to the agent extension
 * {@code connectTo}.
 *
 * @param callId      our stable call id; the adapter makes it the PBX's unique id / linked id of the call
 * @param number      the customer's number in E.164 (+33612345678)
 * @param callerId    the caller id presented to the customer (may be null)
 * @param connectTo   the agent extension the answered customer is connected to
 * @param ringTimeout how long to ring before giving up with NO_ANSWER
 * @param variables   channel variables to set on the call
 */
public record OriginateRequest(String callId, String number, String callerId, String connectTo, Duration ringTimeout,
                               Map<String, String> variables) {
    public OriginateRequest {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(connectTo, "connectTo");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
