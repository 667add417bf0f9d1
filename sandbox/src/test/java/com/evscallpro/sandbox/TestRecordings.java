package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.recording.RecordingScope;
import com.evscallpro.core.recording.RecordingService;
import com.evscallpro.core.recording.RecordingState;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.PbxPort;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recordings made the real way on the running stack: a call over AMI, MixMonitor in the simulator, the collector. */
final class TestRecordings {

    private TestRecordings() {
    }

    /** A campaign of the main site (its recording policy still to be set). */
    static long campaign(SandboxTestContext stack) {
        return stack.bean(JdbcClient.class).sql("INSERT INTO campaign (name, qualification_group_id, site_id) VALUES (?, "
                        + "(SELECT min(id) FROM qualification_group), (SELECT id FROM site WHERE code = 'main')) "
                        + "RETURNING id").param("Recorded " + UUID.randomUUID()).query(Long.class).single();
    }

    /**
     * A call of {@code campaign} (policy ALL) answered and connected to {@code agentUserId}'s phone, recorded, hung
     * up and collected; answers its call id.
     */
    static String recordedCall(SandboxTestContext stack, long campaign, long agentUserId, String extension)
            throws Exception {
        String callId = "rec-" + UUID.randomUUID();
        PbxPort pbx = stack.bean(PbxPort.class);
        assertThat(pbx.originate(new OriginateRequest(callId, SandboxTestContext.ANSWERS_AND_TALKS,
                "\"EVS\" <0100000000>", extension, Duration.ofSeconds(5), Map.of())).get(20, TimeUnit.SECONDS)
                .outcome()).isEqualTo(CallOutcome.ANSWERED);
        RecordingService recordings = stack.bean(RecordingService.class);
        assertThat(recordings.callConnected(callId, RecordingScope.CAMPAIGN, campaign, agentUserId)).isPresent();
        Thread.sleep(100);
        pbx.hangup(callId, 16).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            recordings.collectDue();
            return recordings.ofCall(callId).orElseThrow().state() == RecordingState.STORED;
        });
        return callId;
    }
}
