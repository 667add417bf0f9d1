package com.evscallpro.core.recording;

import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.queue.InboundCallConnected;
import com.evscallpro.telephony.CallEvent;
import com.evscallpro.telephony.CallEventListener;
import com.evscallpro.telephony.PbxPort;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts and ends recordings from what happens on calls: an outbound call CONNECTED (its campaign's policy), an
 * inbound caller connected to an agent (its queue's policy), and the end of a call (LiveCall ENDED, or the PBX's
 * HUNG_UP of the customer leg). Events come on the PBX dispatcher and other threads: the work (database, AMI)
 * is done on this class's own thread, in order.
 */
@Component
class RecordingTriggers {

    private static final Logger log = LoggerFactory.getLogger(RecordingTriggers.class);

    private final RecordingService recordings;
    private final EventBus events;
    private final ObjectProvider<PbxPort> pbx;
    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evs-recording-triggers");
        t.setDaemon(true);
        return t;
    });
    private final CallEventListener pbxListener = this::onPbxEvent;
    private EventBus.Subscription calls;
    private EventBus.Subscription inbound;

    RecordingTriggers(RecordingService recordings, EventBus events, ObjectProvider<PbxPort> pbx) {
        this.recordings = recordings;
        this.events = events;
        this.pbx = pbx;
    }

    @PostConstruct
    void subscribe() {
        calls = events.subscribe(LiveCallChanged.class, e -> onCall(e.call()));
        inbound = events.subscribe(InboundCallConnected.class, e -> run(() -> recordings.callConnected(e.callId(),
                RecordingScope.QUEUE, e.queueId(), e.agentUserId())));
        PbxPort port = pbx.getIfAvailable();
        if (port != null) {
            port.addListener(pbxListener);
        }
    }

    @PreDestroy
    void unsubscribe() {
        calls.close();
        inbound.close();
        PbxPort port = pbx.getIfAvailable();
        if (port != null) {
            port.removeListener(pbxListener);
        }
        worker.shutdown();
    }

    void onCall(LiveCall call) {
        if (call.state() == LiveCall.LiveCallState.CONNECTED && connected.add(call.callId())) {
            run(() -> recordings.callConnected(call.callId(), RecordingScope.CAMPAIGN, call.campaignId(),
                    call.agentId()));
        } else if (call.state() == LiveCall.LiveCallState.ENDED) {
            connected.remove(call.callId());
            run(() -> recordings.callEnded(call.callId()));
        }
    }

    void onPbxEvent(CallEvent e) {
        if (e.type() == CallEvent.Type.HUNG_UP && e.callId() != null && e.leg() == CallEvent.Leg.CUSTOMER) {
            run(() -> recordings.callEnded(e.callId()));
        }
    }

    private void run(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException ex) {
                    log.warn("Recording trigger failed: {}", ex.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException ex) {
            log.debug("Recording trigger after shutdown ignored");
        }
    }
}
