package com.evscallpro.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An outbound call's own transitions: each legal one applied, each illegal one refused naming the state. */
class OutboundCallTest {

    private final Instant t0 = Instant.parse("2026-01-05T10:00:00Z");
    private final OutboundCall call = new OutboundCall(new NewOutboundCall("call-1", 10, "Fibre", 100, "Ana",
            "+33612345678", 7, "Alice", "2001", 1, null, Duration.ofSeconds(20)), t0);

    @Test
    void a_call_rings_is_answered_bridged_and_ends() {
        call.move(OutboundCall.Event.RING, t0.plusSeconds(1));
        call.move(OutboundCall.Event.ANSWER, t0.plusSeconds(5));
        call.move(OutboundCall.Event.BRIDGE, t0.plusSeconds(6));
        call.move(OutboundCall.Event.END, t0.plusSeconds(60));

        assertThat(call.state()).isEqualTo(OutboundCall.State.ENDED);
        assertThat(call.answeredAt).isEqualTo(t0.plusSeconds(5));
        assertThat(call.endedAt).isEqualTo(t0.plusSeconds(60));
        assertThat(call.everBridged).isTrue();
    }

    @Test
    void an_ended_call_refuses_every_move() {
        call.move(OutboundCall.Event.END, t0);
        for (OutboundCall.Event event : OutboundCall.Event.values()) {
            assertThat(call.allows(event)).as(event.name()).isFalse();
            assertThatThrownBy(() -> call.move(event, t0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("call-1").hasMessageContaining("ENDED");
        }
    }

    @Test
    void an_answered_call_cannot_ring_again_nor_be_answered_twice() {
        call.move(OutboundCall.Event.ANSWER, t0);
        assertThatThrownBy(() -> call.move(OutboundCall.Event.RING, t0)).hasMessageContaining("ANSWERED");
        assertThatThrownBy(() -> call.move(OutboundCall.Event.ANSWER, t0)).hasMessageContaining("ANSWERED");
    }
}
