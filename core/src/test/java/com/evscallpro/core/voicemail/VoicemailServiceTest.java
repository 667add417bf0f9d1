package com.evscallpro.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.media.MediaTestConfig;
import com.evscallpro.core.media.TestWavs;
import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.SiteDefinition;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Voicemails collected from where an Asterisk host writes them (its sounds directory, reached through
 * {@code evs.media.root}), listed, listened to (audited) and archived, purged by age.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, MediaTestConfig.class})
class VoicemailServiceTest {

    static final Path MEDIA_ROOT;

    static {
        try {
            MEDIA_ROOT = Files.createTempDirectory("evs-media-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void media(DynamicPropertyRegistry registry) {
        registry.add("evs.media.root", MEDIA_ROOT::toString);
    }

    @Autowired
    VoicemailService voicemails;
    @Autowired
    SiteService sites;
    @Autowired
    AuditTrail audit;

    private long site(String code) {
        return sites.create(SiteDefinition.asterisk(code, "Voicemail " + code,
                List.of(AmiServerSettings.of("ast-1", "127.0.0.1", 5038, "evs", "secret"),
                        AmiServerSettings.of("ast-2", "127.0.0.2", 5038, "evs", "secret")))).id();
    }

    @Test
    void a_recording_written_by_asterisk_is_collected_stored_and_removed_from_the_host() throws Exception {
        String code = "vm" + UUID.randomUUID().toString().substring(0, 6);
        long siteId = site(code);
        String callId = UUID.randomUUID().toString();
        String path = VoicemailService.recordingPath(callId);
        // what RECORD FILE evs-voicemail/<call id> wav leaves in ast-2's sounds directory (mounted here)
        Path written = MEDIA_ROOT.resolve(code).resolve("ast-2").resolve(path + ".wav");
        Files.createDirectories(written.getParent());
        Files.write(written, TestWavs.tone(700, 8000, 1, 2.5));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        long id = voicemails.collect(new NewVoicemail(callId, "+33612345678", "+33140000000", "Support", 7L, at,
                siteId, "ast-2", path));

        VoicemailView v = voicemails.find(id).orElseThrow();
        assertThat(v.callId()).isEqualTo(callId);
        assertThat(v.callerNumber()).isEqualTo("+33612345678");
        assertThat(v.did()).isEqualTo("+33140000000");
        assertThat(v.mailboxLabel()).isEqualTo("Support");
        assertThat(v.groupId()).isEqualTo(7L);
        assertThat(v.recordedAt()).isEqualTo(at);
        assertThat(v.duration()).isEqualTo(Duration.ofMillis(2500));
        assertThat(v.state()).isEqualTo(VoicemailState.NEW);
        assertThat(written).as("collected: removed from the Asterisk host").doesNotExist();
        assertThat(voicemails.collect(new NewVoicemail(callId, "+33612345678", "+33140000000", "Support", 7L, at,
                siteId, "ast-2", path))).as("a retried collect answers the same voicemail").isEqualTo(id);

        byte[] audio = voicemails.listen(id);
        assertThat(TestWavs.format(audio).getSampleRate()).isEqualTo(8000f);
        assertThat(TestWavs.crossingsPerSecond(TestWavs.samples(audio), 8000)).isCloseTo(1400, within(4.0));
        assertThat(voicemails.find(id).orElseThrow().state()).as("listening marks it heard")
                .isEqualTo(VoicemailState.HEARD);
        assertThat(audit.search(new AuditFilter(null, "voicemail", null, null), 0, 50))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("listen");
                    assertThat(e.entityId()).isEqualTo(String.valueOf(id));
                });
        VoicemailView archived = voicemails.archive(id);
        assertThat(archived.state()).isEqualTo(VoicemailState.ARCHIVED);
        assertThat(archived.archivedAt()).isNotNull();
        assertThat(voicemails.search(new VoicemailFilter(Set.of(VoicemailState.ARCHIVED), "Support"), null, true, 0, 100)).extracting(VoicemailView::id).contains(id);
    }

    @Test
    void an_absolute_path_under_the_asterisk_sounds_directory_maps_to_the_host_and_a_missing_file_is_refused()
            throws Exception {
        String code = "vm" + UUID.randomUUID().toString().substring(0, 6);
        long siteId = site(code);
        String callId = UUID.randomUUID().toString();
        Path written = MEDIA_ROOT.resolve(code).resolve("ast-1").resolve("evs-voicemail/abs-" + callId + ".wav");
        Files.createDirectories(written.getParent());
        Files.write(written, TestWavs.tone(440, 44_100, 2, 0.5));
        long id = voicemails.collect(new NewVoicemail(callId, null, null, "Ventes", null, null, siteId, null,
                "/var/lib/asterisk/sounds/evs-voicemail/abs-" + callId));
        assertThat(voicemails.find(id).orElseThrow().duration()).isEqualTo(Duration.ofMillis(500));

        assertThatThrownBy(() -> voicemails.collect(new NewVoicemail(UUID.randomUUID().toString(), null, null,
                "Ventes", null, null, siteId, "ast-1", "evs-voicemail/never-recorded")))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("voicemail.recording-missing"));
        assertThatThrownBy(() -> voicemails.collect(new NewVoicemail(UUID.randomUUID().toString(), null, null,
                "Ventes", null, null, siteId, "ast-1", "/tmp/elsewhere")))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("voicemail.bad-path"));
        assertThatThrownBy(() -> voicemails.collect(new NewVoicemail(UUID.randomUUID().toString(), null, null,
                "Ventes", null, null, siteId, "ast-9", "evs-voicemail/x")))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("media.unknown-server"));
    }

    @Test
    void the_purge_deletes_what_is_older_than_the_period_and_keeps_the_rest() throws Exception {
        String code = "vm" + UUID.randomUUID().toString().substring(0, 6);
        long siteId = site(code);
        Path dir = MEDIA_ROOT.resolve(code).resolve("ast-1").resolve("evs-voicemail");
        Files.createDirectories(dir);
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        Files.write(dir.resolve(old + ".wav"), TestWavs.tone(440, 8000, 1, 0.2));
        Files.write(dir.resolve(recent + ".wav"), TestWavs.tone(440, 8000, 1, 0.2));
        long oldId = voicemails.collect(new NewVoicemail(old, null, null, "Old", null,
                Instant.now().minus(Duration.ofDays(400)), siteId, "ast-1", "evs-voicemail/" + old));
        long recentId = voicemails.collect(new NewVoicemail(recent, null, null, "Recent", null,
                Instant.now().minus(Duration.ofDays(2)), siteId, "ast-1", "evs-voicemail/" + recent));
        assertThat(voicemails.purgeOlderThan(365)).isGreaterThanOrEqualTo(1);
        assertThat(voicemails.find(oldId)).isEmpty();
        assertThat(voicemails.find(recentId)).isPresent();
    }
}
