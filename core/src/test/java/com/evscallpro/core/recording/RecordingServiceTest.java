package com.evscallpro.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.media.MediaTestConfig;
import com.evscallpro.core.media.TestWavs;
import com.evscallpro.core.privacy.ErasureMode;
import com.evscallpro.core.privacy.PersonalDataReport;
import com.evscallpro.core.privacy.PrivacyRequest;
import com.evscallpro.core.privacy.PrivacyService;
import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.SiteDefinition;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.testsupport.MutableClock;
import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole recording path with real components: embedded PostgreSQL, the AMI adapter and the PBX simulator over
 * TCP. A connected call of a campaign recording ALL is recorded (consent whispered first, then MixMonitor, the
 * simulator writing a WAV in the Asterisk host's sounds directory), paused and resumed (MixMonitorMute seen by the
 * simulator), stopped by the hangup, collected from the host into storage, listed and listened to (audited, by the
 * roles allowed), and purged after its retention.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, MediaTestConfig.class, RecordingTestConfig.class,
        RecordingServiceTest.Privacy.class}, properties = {
        "evs.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "evs.privacy.purge-enabled=false"})
class RecordingServiceTest {

    /** The privacy services, so a person's requests run over every store, recordings included. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = {"com.evscallpro.core.privacy", "com.evscallpro.core.secret",
            "com.evscallpro.db.privacy"})
    static class Privacy {
    }

    static final Path MEDIA_ROOT;
    static final Path STORAGE;
    static final String SITE = "rec" + UUID.randomUUID().toString().substring(0, 6);

    static {
        try {
            MEDIA_ROOT = Files.createTempDirectory("evs-rec-media-");
            STORAGE = Files.createTempDirectory("evs-rec-storage-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("evs.media.root", MEDIA_ROOT::toString);
        registry.add("evs.recording.storage-dir", STORAGE::toString);
        registry.add("evs.recording.collect-every", () -> "1h");
        registry.add("evs.recording.purge-every", () -> "1h");
        registry.add("evs.recording.collect-delay", () -> "0s");
        registry.add("evs.recording.max-collect-attempts", () -> "2");
        registry.add("evs.recording.retention", () -> "30d");
    }

    @Autowired
    RecordingService recordings;
    @Autowired
    SiteService sites;
    @Autowired
    AuditTrail audit;
    @Autowired
    EventBus events;
    @Autowired
    AsteriskAmiPbx pbx;
    @Autowired
    PbxSimulator sim;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PrivacyService privacy;
    @Autowired
    RecordingDataStore recordingStore;
    @Autowired
    com.evscallpro.db.recording.RecordingTables tables;

    static final RecordingAccess SUPERVISOR = new RecordingAccess(900, Role.SUPERVISOR);
    static final RecordingAccess AGENT = new RecordingAccess(41, Role.AGENT);
    static final RecordingAccess OTHER_AGENT = new RecordingAccess(42, Role.AGENT);
    static final RecordingAccess ANALYST = new RecordingAccess(43, Role.ANALYST);

    static Long siteId;
    static final long NO_QUEUE = 987_654_321L;

    @BeforeEach
    void site() {
        if (siteId == null) {
            siteId = sites.create(SiteDefinition.asterisk(SITE, "Recordings " + SITE,
                    List.of(AmiServerSettings.of("ast-1", "127.0.0.1", sim.port(), "evs", "secret")))).id();
        }
    }

    long campaign(RecordingMode mode, String consent, Integer retentionDays) {
        long id = jdbc.sql("INSERT INTO campaign (name, qualification_group_id, site_id) VALUES (?, "
                        + "(SELECT min(id) FROM qualification_group), ?) RETURNING id")
                .params("Rec " + UUID.randomUUID(), siteId).query(Long.class).single();
        recordings.savePolicy(new RecordingPolicy(RecordingScope.CAMPAIGN, id, mode, consent, retentionDays));
        return id;
    }

    String connectedCall(long campaignId, boolean publish) throws Exception {
        String callId = "rec-" + UUID.randomUUID();
        OriginateResult r = pbx.originate(new OriginateRequest(callId, RecordingTestConfig.CUSTOMER,
                "\"EVS\" <0100000000>", "2000", Duration.ofSeconds(5), Map.of())).get(15, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        if (publish) {
            events.publish(new LiveCallChanged(new LiveCall(callId, campaignId, "Rec", 1, "Contact", "+33 6•• •• •• 79",
                    AGENT.userId(), "Agent", LiveCall.LiveCallState.CONNECTED, Instant.now(), Instant.now())));
        }
        return callId;
    }

    private List<String> actionsOf(String channelPart) {
        return sim.recordingActions().stream().filter(a -> a.contains(channelPart)).toList();
    }

    @Test
    void a_connected_call_is_recorded_paused_resumed_collected_listened_to_by_allowed_roles_and_purged()
            throws Exception {
        long campaign = campaign(RecordingMode.ALL, "evs/recording-notice", 10);
        String callId = connectedCall(campaign, true);

        await().atMost(Duration.ofSeconds(10)).until(() -> recordings.ofCall(callId)
                .map(v -> v.state() == RecordingState.RECORDING).orElse(false));
        String file = "/var/lib/asterisk/sounds/evs-recordings/" + callId + ".wav";
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.recordingActions().stream()
                .anyMatch(a -> a.startsWith("MixMonitor ") && a.endsWith(" " + file)));
        String channel = sim.recordingActions().stream().filter(a -> a.endsWith(" " + file)).findFirst().orElseThrow()
                .split(" ")[1];

        assertThat(recordings.pause(callId).paused()).isTrue();
        assertThat(recordings.resume(callId).paused()).isFalse();
        assertThat(actionsOf(channel)).containsExactly("MixMonitor " + channel + " " + file,
                "MixMonitorMute " + channel + " both 1", "MixMonitorMute " + channel + " both 0");
        assertThat(recordings.ofCall(callId).orElseThrow().pauseCount()).isEqualTo(1);

        Thread.sleep(150);
        pbx.hangup(callId, 16).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordings.ofCall(callId).orElseThrow().state()
                == RecordingState.STOPPED);
        Path onHost = MEDIA_ROOT.resolve(SITE).resolve("ast-1").resolve("evs-recordings/" + callId + ".wav");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(onHost));

        assertThat(recordings.collectDue()).isGreaterThanOrEqualTo(1);
        RecordingView stored = recordings.ofCall(callId).orElseThrow();
        assertThat(stored.state()).isEqualTo(RecordingState.STORED);
        assertThat(stored.duration()).isPositive();
        assertThat(onHost).as("moved off the Asterisk host").doesNotExist();
        assertThat(filesNamed(callId)).isOne();

        // listed: supervisors see it, its agent sees it, another agent and an analyst do not
        RecordingFilter byCall = new RecordingFilter(Set.of(), null, null, null, null, callId);
        assertThat(recordings.search(byCall, SUPERVISOR, null, true, 0, 10)).extracting(RecordingView::callId)
                .containsExactly(callId);
        assertThat(recordings.search(byCall, AGENT, null, true, 0, 10)).hasSize(1);
        assertThat(recordings.search(byCall, OTHER_AGENT, null, true, 0, 10)).isEmpty();
        assertThat(recordings.count(byCall, ANALYST)).isZero();
        assertThat(recordings.forCall(callId, SUPERVISOR)).hasValueSatisfying(ref -> assertThat(ref.playable()).isTrue());
        assertThat(recordings.forCall(callId, OTHER_AGENT)).isEmpty();

        // played: a real 8 kHz WAV, and the listen is audited
        long id = stored.id();
        byte[] wav = recordings.listen(id, SUPERVISOR).readAll();
        assertThat(TestWavs.format(wav).getSampleRate()).isEqualTo(8000f);
        assertThat(TestWavs.format(wav).getChannels()).isEqualTo(1);
        assertThat(TestWavs.samples(wav).length).isGreaterThan(100);
        assertThat(recordings.listen(id, AGENT).size()).isEqualTo(wav.length);
        assertThatThrownBy(() -> recordings.listen(id, OTHER_AGENT)).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("recording.not-found");
        assertThatThrownBy(() -> recordings.get(id, ANALYST)).isInstanceOf(EvsException.class);
        assertThat(audit.search(new AuditFilter(null, "recording", null, null), 0, 200))
                .filteredOn(e -> e.entityId().equals(String.valueOf(id)))
                .extracting(e -> e.action()).contains("listen", "pause", "resume");

        // purged after its retention (10 days): file and row, audited
        clock.advance(Duration.ofDays(9));
        recordings.purgeExpired();
        assertThat(recordings.ofCall(callId)).isPresent();
        clock.advance(Duration.ofDays(2));
        assertThat(recordings.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(recordings.ofCall(callId)).isEmpty();
        assertThat(filesNamed(callId)).isZero();
        assertThat(audit.search(new AuditFilter(null, "recording", null, null), 0, 200))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("purge");
                    assertThat(e.entityId()).isEqualTo(String.valueOf(id));
                });
    }

    @Test
    void a_queue_call_known_to_the_pbx_by_another_id_is_recorded_paused_and_ended_through_that_id()
            throws Exception {
        long group = jdbc.sql("INSERT INTO agent_group (name, site_id) VALUES (?, ?) RETURNING id")
                .params("Rec group " + UUID.randomUUID(), siteId).query(Long.class).single();
        long queue = jdbc.sql("INSERT INTO call_queue (group_id) VALUES (?) RETURNING id").param(group)
                .query(Long.class).single();
        recordings.savePolicy(new RecordingPolicy(RecordingScope.QUEUE, queue, RecordingMode.ALL, null, null));
        String pbxCall = connectedCall(0, false);          // how the AMI adapter knows the call (a Linkedid)
        String ours = "ivr-" + UUID.randomUUID();           // how the IVR and call_history know it
        RecordingTestConfig.PBX_IDS.put(ours, pbxCall);

        assertThat(recordings.callConnected(ours, RecordingScope.QUEUE, queue, AGENT.userId())).isPresent();
        assertThat(recordings.pause(ours).paused()).isTrue();
        assertThat(sim.recordingActions()).anySatisfy(a -> assertThat(a).startsWith("MixMonitorMute ")
                .endsWith(" both 1"));
        pbx.hangup(pbxCall, 16).get(5, TimeUnit.SECONDS); // the PBX reports HUNG_UP under its own id
        await().atMost(Duration.ofSeconds(10)).until(() -> recordings.ofCall(ours).orElseThrow().state()
                == RecordingState.STOPPED);
        assertThat(recordings.ofCall(ours).orElseThrow().scope()).isEqualTo(RecordingScope.QUEUE);
    }

    @Test
    void on_demand_records_only_when_the_agent_asks_and_off_refuses() throws Exception {
        long onDemand = campaign(RecordingMode.ON_DEMAND, null, null);
        String callId = connectedCall(onDemand, true);
        Thread.sleep(300);
        assertThat(recordings.ofCall(callId)).as("not started by the connection").isEmpty();

        RecordingView started = recordings.startOnDemand(callId, RecordingScope.CAMPAIGN, onDemand, AGENT.userId());
        assertThat(started.state()).isEqualTo(RecordingState.RECORDING);
        assertThat(started.purgeAfter()).isAfter(started.startedAt().plus(Duration.ofDays(29)));
        assertThat(sim.recordingActions()).anySatisfy(a -> assertThat(a).endsWith("/evs-recordings/" + callId + ".wav"));
        // its end missed (as after a restart): 12 h on, the collector takes it as over
        clock.advance(Duration.ofHours(13));
        recordings.collectDue();
        assertThat(recordings.ofCall(callId).orElseThrow().state()).isEqualTo(RecordingState.STOPPED);
        pbx.hangup(callId, 16).get(5, TimeUnit.SECONDS);

        long off = campaign(RecordingMode.OFF, null, null);
        String other = connectedCall(off, false);
        assertThatThrownBy(() -> recordings.startOnDemand(other, RecordingScope.CAMPAIGN, off, AGENT.userId()))
                .isInstanceOf(EvsException.class).extracting(e -> ((EvsException) e).code())
                .isEqualTo("recording.not-allowed");
        assertThatThrownBy(() -> recordings.pause(other)).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("recording.not-found");
        pbx.hangup(other, 16).get(5, TimeUnit.SECONDS);
    }

    @Test
    void a_file_that_never_reaches_the_host_ends_missing_and_bad_policies_are_refused() throws Exception {
        long campaign = campaign(RecordingMode.ALL, null, null);
        String callId = connectedCall(campaign, false);
        recordings.callConnected(callId, RecordingScope.CAMPAIGN, campaign, AGENT.userId());
        pbx.hangup(callId, 16).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordings.ofCall(callId).orElseThrow().state()
                == RecordingState.STOPPED);
        Path onHost = MEDIA_ROOT.resolve(SITE).resolve("ast-1").resolve("evs-recordings/" + callId + ".wav");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(onHost));
        Files.delete(onHost); // the mount lost it
        recordings.collectDue();
        recordings.collectDue();
        assertThat(recordings.ofCall(callId).orElseThrow().state()).isEqualTo(RecordingState.MISSING);
        long id = recordings.ofCall(callId).orElseThrow().id();
        assertThatThrownBy(() -> recordings.listen(id, SUPERVISOR)).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("recording.not-stored");

        // a queue no test creates (the database is shared with other classes, whose queues have policies)
        assertThatThrownBy(() -> recordings.savePolicy(new RecordingPolicy(RecordingScope.QUEUE, NO_QUEUE,
                RecordingMode.ALL, "../etc/passwd", null))).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("recording.bad-prompt");
        assertThatThrownBy(() -> recordings.savePolicy(new RecordingPolicy(RecordingScope.QUEUE, NO_QUEUE,
                RecordingMode.ALL, null, 0))).isInstanceOf(EvsException.class)
                .extracting(e -> ((EvsException) e).code()).isEqualTo("recording.bad-retention");
        assertThat(recordings.policy(RecordingScope.QUEUE, NO_QUEUE).mode()).isEqualTo(RecordingMode.OFF);
    }

    /** A call of that (ALL) campaign recorded, hung up, its file written on the Asterisk host: STOPPED, to collect. */
    String finishedCall(long campaign) throws Exception {
        String callId = connectedCall(campaign, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordings.ofCall(callId)
                .map(v -> v.state() == RecordingState.RECORDING).orElse(false));
        Thread.sleep(150);
        pbx.hangup(callId, 16).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordings.ofCall(callId).orElseThrow().state()
                == RecordingState.STOPPED);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(onHost(callId)));
        return callId;
    }

    /** Where MixMonitor's file of that call lies on the Asterisk host (the mounted sounds directory). */
    static Path onHost(String callId) {
        return MEDIA_ROOT.resolve(SITE).resolve("ast-1").resolve("evs-recordings/" + callId + ".wav");
    }

    /** A recorded, collected call of the customer's number, with its call history row (what a request finds). */
    private String storedRecordingOfTheCustomer() throws Exception {
        String callId = finishedCall(campaign(RecordingMode.ALL, null, 3650));
        recordings.collectDue();
        assertThat(recordings.ofCall(callId).orElseThrow().state()).isEqualTo(RecordingState.STORED);
        jdbc.sql("INSERT INTO call_history (call_id, direction, caller, callee, started_at) "
                + "VALUES (?, 'OUTBOUND', '+33100000000', ?, now())").params(callId, RecordingTestConfig.CUSTOMER)
                .update();
        return callId;
    }

    /** How many stored recordings of that call the storage holds. */
    long filesNamed(String callId) throws java.io.IOException {
        try (var files = Files.walk(STORAGE)) {
            return files.filter(p -> p.getFileName().toString().equals(callId + ".wav")).count();
        }
    }

    @Test
    void a_persons_request_finds_and_erases_the_recordings_of_their_calls_audio_included() throws Exception {
        String callId = storedRecordingOfTheCustomer();
        long id = recordings.ofCall(callId).orElseThrow().id();
        assertThat(filesNamed(callId)).isOne();

        PersonalDataReport report = privacy.find("06 12 34 56 79");
        assertThat(report.records().get("recordings")).as("found through the call's history row")
                .extracting(r -> r.get("call_id")).containsExactly(callId);
        assertThat(report.records().get("recordings").getFirst()).doesNotContainKeys("storage_key", "pbx_path");

        PrivacyRequest proof = privacy.erase(RecordingTestConfig.CUSTOMER, ErasureMode.ANONYMISE);
        assertThat(proof.found()).containsEntry("recordings", 1);
        assertThat(proof.done()).as("a voice cannot be anonymised: deleted").containsEntry("recordings", 1);
        assertThat(recordings.ofCall(callId)).isEmpty();
        assertThat(filesNamed(callId)).as("the audio is gone from the storage").isZero();
        assertThat(audit.search(new AuditFilter(null, "recording", null, null), 0, 200))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("erase");
                    assertThat(e.entityId()).isEqualTo(String.valueOf(id));
                    assertThat(e.summary()).doesNotContain("612345679");
                });
        assertThat(privacy.find(RecordingTestConfig.CUSTOMER).records().get("recordings")).isEmpty();
    }

    @Test
    void the_privacy_retention_caps_a_longer_campaign_retention() throws Exception {
        String old = storedRecordingOfTheCustomer();        // kept 3650 days by its campaign
        Instant cutoff = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofDays(1));
        String recent = "rec-" + UUID.randomUUID();
        long recentId = tables.insert(recent, recent, "CAMPAIGN", null, null, siteId, "ast-1",
                "/var/lib/asterisk/sounds/evs-recordings/" + recent + ".wav", clock.instant(), 3650,
                clock.instant().plus(Duration.ofDays(3650))).orElseThrow();

        recordings.purgeExpired();
        assertThat(recordings.ofCall(old)).as("its own retention is not over").isPresent();
        int purged = 0;
        int n;
        do {
            n = recordingStore.purgeBefore(cutoff, ErasureMode.DELETE, 2);
            purged += n;
        } while (n == 2);
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(recordings.ofCall(old)).isEmpty();
        assertThat(filesNamed(old)).isZero();
        assertThat(tables.find(recentId)).as("started after the cutoff").isPresent();
        tables.delete(recentId);
    }
}
