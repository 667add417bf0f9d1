package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;

/** The event translation on its own, fed with asterisk-java events as the reader would build them. */
class AmiCallTranslatorTest {

    private final List<CallEvent> events = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final AmiCallTranslator tracker = new AmiCallTranslator(AmiSettings.of("h", 5038, "u", "s"), events::add,
            (delay, task) -> scheduled.add(task), Clock.systemUTC());

    private static NewChannelEvent newchannel(String name, String uid, String lid, int state) {
        NewChannelEvent e = new NewChannelEvent(new Object());
        e.setChannel(name);
        e.setUniqueId(uid);
        e.setLinkedid(lid);
        e.setChannelState(state);
        return e;
    }

    private static NewStateEvent newstate(String name, String uid, String lid, int state) {
        NewStateEvent e = new NewStateEvent(new Object());
        e.setChannel(name);
        e.setUniqueId(uid);
        e.setLinkedId(lid);
        e.setChannelState(state);
        return e;
    }

    private static HangupEvent hangup(String name, String uid, String lid, int cause, String text) {
        HangupEvent e = new HangupEvent(new Object());
        e.setChannel(name);
        e.setUniqueId(uid);
        e.setLinkedId(lid);
        e.setCause(cause);
        e.setCauseTxt(text);
        return e;
    }

    private static BridgeEnterEvent enter(String bridge, String name, String uid, String lid) {
        BridgeEnterEvent e = new BridgeEnterEvent(new Object());
        e.setBridgeUniqueId(bridge);
        e.setChannel(name);
        e.setUniqueId(uid);
        e.setLinkedId(lid);
        return e;
    }

    private static BridgeLeaveEvent leave(String bridge, String name, String uid, String lid, String context,
                                          String exten) {
        BridgeLeaveEvent e = new BridgeLeaveEvent(new Object());
        e.setBridgeUniqueId(bridge);
        e.setChannel(name);
        e.setUniqueId(uid);
        e.setLinkedId(lid);
        e.setContext(context);
        e.setExten(exten);
        return e;
    }

    /** A customer bridged to agent 2000 (capture 06's shape): returns the customer's ;1 name. */
    private String bridgedCall(String id) {
        String c1 = "Local/+334@customers-00000009;1";
        tracker.onEvent(newchannel(c1, id, id, 0));
        tracker.onEvent(newchannel("Local/+334@customers-00000009;2", id + ";2", id, 4));
        tracker.onEvent(newstate(c1, id, id, 6));
        tracker.onEvent(newchannel("Local/2000@agents-0000000a;1", "a.1", id, 0));
        tracker.onEvent(newstate("Local/2000@agents-0000000a;1", "a.1", id, 6));
        tracker.onEvent(enter("b9", "Local/2000@agents-0000000a;1", "a.1", id));
        tracker.onEvent(enter("b9", c1, id, id));
        return c1;
    }

    @Test
    void a_redirect_is_told_at_the_bridge_leave_in_the_new_place_before_the_agent_hangup_and_once() {
        String id = "c-9";
        String c1 = bridgedCall(id);
        assertThat(tracker.channelFor(id, CallEvent.Leg.CUSTOMER)).isEqualTo(c1);
        tracker.expectTransfer(id, CallEvent.Leg.CUSTOMER, c1, "agents", "2001");
        // 06: the redirected channel leaves already in fx-transfer/3006, then the agent leaves and hangs up;
        // the action's Success is handed over after those events
        tracker.onEvent(leave("b9", c1, id, id, "agents", "2001"));
        tracker.onEvent(leave("b9", "Local/2000@agents-0000000a;1", "a.1", id, "agents", ""));
        tracker.onEvent(hangup("Local/2000@agents-0000000a;1", "a.1", id, 16, "Normal Clearing"));
        tracker.transferred(id, CallEvent.Leg.CUSTOMER, c1, "agents,2001");

        assertThat(summary()).containsSubsequence("BRIDGED/CUSTOMER", "TRANSFERRED/CUSTOMER", "HUNG_UP/AGENT");
        assertThat(summary()).filteredOn(s -> s.startsWith("TRANSFERRED")).hasSize(1);
    }

    @Test
    void a_bridge_leave_in_the_old_place_is_no_proof_and_a_refused_redirect_tells_nothing() {
        String id = "c-10";
        String c1 = bridgedCall(id);
        tracker.expectTransfer(id, CallEvent.Leg.CUSTOMER, c1, "agents", "2001");
        tracker.onEvent(leave("b9", c1, id, id, "customers", "+334")); // the customer hung up meanwhile
        tracker.transferRefused(c1);
        tracker.transferred(id, CallEvent.Leg.CUSTOMER, c1, "agents,2001"); // stale: ignored
        assertThat(summary()).doesNotContain("TRANSFERRED/CUSTOMER");
    }

    @Test
    void a_redirect_of_an_unbridged_channel_is_told_at_its_success() {
        String id = "c-11";
        String c1 = "Local/+335@customers-0000000b;1";
        tracker.onEvent(newchannel(c1, id, id, 0));
        tracker.onEvent(newstate(c1, id, id, 6));
        tracker.expectTransfer(id, CallEvent.Leg.CUSTOMER, c1, "agents", "2001");
        tracker.transferred(id, CallEvent.Leg.CUSTOMER, c1, "agents,2001");
        assertThat(summary()).containsExactly("CREATED/CUSTOMER", "ANSWERED/CUSTOMER", "TRANSFERRED/CUSTOMER");
    }

    private List<String> summary() {
        return events.stream().map(e -> e.type() + "/" + e.leg()).toList();
    }

    @Test
    void a_trunk_behind_the_customer_context_is_customer_and_the_agent_phone_is_agent() {
        String id = "c-1";
        String c1 = "Local/+33612345678@customers-00000001;1";
        String c2 = "Local/+33612345678@customers-00000001;2";
        String trunk = "PJSIP/trunk-00000001";
        String a1 = "Local/2000@agents-00000002;1";
        String a2 = "Local/2000@agents-00000002;2";
        String phone = "PJSIP/2000-00000002";
        tracker.onEvent(newchannel(c1, id, id, 0));
        tracker.onEvent(newchannel(c2, id + ";2", id, 4));
        tracker.onEvent(newchannel(trunk, "t.1", id, 0));
        tracker.onEvent(newstate(trunk, "t.1", id, 5));
        tracker.onEvent(newstate(trunk, "t.1", id, 6));
        tracker.onEvent(newchannel(a1, "a.1", id, 0));
        tracker.onEvent(newchannel(a2, "a.2", id, 4));
        tracker.onEvent(newchannel(phone, "p.1", id, 0));
        tracker.onEvent(newstate(phone, "p.1", id, 6));
        tracker.onEvent(enter("b1", a1, "a.1", id));
        tracker.onEvent(enter("b1", c1, id, id));
        tracker.onEvent(hangup(trunk, "t.1", id, 16, "Normal Clearing"));
        tracker.onEvent(hangup(c2, id + ";2", id, 16, "Normal Clearing"));
        tracker.onEvent(hangup(a1, "a.1", id, 16, "Normal Clearing"));
        tracker.onEvent(hangup(a2, "a.2", id, 16, "Normal Clearing"));
        tracker.onEvent(hangup(phone, "p.1", id, 16, "Normal Clearing"));
        tracker.onEvent(hangup(c1, id, id, 16, "Normal Clearing"));

        assertThat(summary()).containsExactly("CREATED/CUSTOMER", "RINGING/CUSTOMER", "ANSWERED/CUSTOMER",
                "ANSWERED/AGENT", "BRIDGED/CUSTOMER", "HUNG_UP/AGENT", "HUNG_UP/CUSTOMER");
        assertThat(events.get(2).channel()).as("ANSWERED names the originated channel").isEqualTo(c1);
        assertThat(tracker.liveCalls()).isZero();
    }

    @Test
    void replayed_or_late_events_change_nothing() {
        String id = "c-2";
        String c1 = "Local/+331@customers-00000003;1";
        tracker.onEvent(newchannel(c1, id, id, 0));
        tracker.onEvent(newchannel(c1, id, id, 0));
        tracker.onEvent(newstate(c1, id, id, 6));
        tracker.onEvent(newstate(c1, id, id, 6));
        tracker.onEvent(hangup(c1, id, id, 16, "Normal Clearing"));
        tracker.onEvent(hangup(c1, id, id, 16, "Normal Clearing"));
        tracker.onEvent(newstate(c1, id, id, 6));

        assertThat(summary()).containsExactly("CREATED/CUSTOMER", "ANSWERED/CUSTOMER", "HUNG_UP/CUSTOMER");
    }

    @Test
    void failed_originate_takes_the_non_zero_cause_of_the_dialplan_leg_even_when_it_comes_last() {
        String id = "c-3";
        CompletableFuture<OriginateResult> future = new CompletableFuture<>();
        tracker.registerOriginate(new OriginateRequest(id, "+332", null, "2000", Duration.ofSeconds(5), Map.of()),
                "evs-orig-1", future);
        tracker.originateActionAnswered(id, "evs-orig-1", true, null);
        String c1 = "Local/+332@customers-00000004;1";
        String c2 = "Local/+332@customers-00000004;2";
        tracker.onEvent(newchannel(c1, id, id, 0));
        tracker.onEvent(newchannel(c2, id + ";2", id, 4));
        tracker.onEvent(hangup(c1, id, id, 0, "Unknown"));
        OriginateResponseEvent r = new OriginateResponseEvent(new Object());
        r.setActionId("evs-orig-1");
        r.setResponse("Failure");
        r.setReason(5);
        r.setChannel("Local/+332@customers");
        r.setUniqueId("<unknown>");
        tracker.onEvent(r);
        assertThat(future).isNotDone();
        tracker.onEvent(hangup(c2, id + ";2", id, 17, "User busy"));

        assertThat(future).isCompletedWithValueMatching(res -> res.outcome() == CallOutcome.BUSY
                && res.q850Cause() == 17 && res.reason() == 5 && id.equals(res.uniqueId()));
        assertThat(summary()).containsExactly("CREATED/CUSTOMER", "HUNG_UP/CUSTOMER", "FAILED/CUSTOMER");
        assertThat(events.get(1).cause()).isEqualTo(17);
        assertThat(events.get(2).detail()).isEqualTo("BUSY");
        // the cause wait that was scheduled finds nothing left to do
        scheduled.forEach(Runnable::run);
        assertThat(events).hasSize(3);
    }
}
