package com.evscallpro.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.media.FileSystemMediaTransfer;
import com.evscallpro.core.media.MediaHost;
import com.evscallpro.core.media.MediaSettings;
import com.evscallpro.core.media.MediaTestConfig;
import com.evscallpro.core.media.TestWavs;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.db.prompt.PromptTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Prompts put on two Asterisk hosts (two temporary directories) and a Yeastar site: dry run, apply per host with one
 * host failing, rerun, removal.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, MediaTestConfig.class})
class PromptDistributionTest {

    @Autowired
    PromptService prompts;
    @Autowired
    PromptTables tables;
    @Autowired
    AuditTrail audit;

    @TempDir
    Path temp;

    @Test
    void dry_run_lists_per_host_apply_writes_the_good_host_reports_the_broken_one_and_a_rerun_changes_nothing()
            throws Exception {
        String name = PromptServiceTest.uniqueName("dist");
        prompts.create(name, null);
        prompts.upload(name, "fr", null, TestWavs.tone(1000, 16_000, 1, 0.5), null);
        prompts.upload(name, "en", null, TestWavs.tone(500, 22_050, 2, 0.5), null);
        Path good = temp.resolve("ast-1/sounds");
        Path broken = temp.resolve("ast-2-sounds");
        Files.writeString(broken, "a regular file where the mounted directory should be");
        List<MediaHost> hosts = List.of(
                new MediaHost(1, "paris", "Paris", "ast-1", true, new FileSystemMediaTransfer(good), "/var/lib/asterisk/sounds"),
                new MediaHost(1, "paris", "Paris", "ast-2", true, new FileSystemMediaTransfer(broken), "/var/lib/asterisk/sounds"),
                new MediaHost(2, "lyon", "Lyon", "", false, null, null));
        PromptDistributor distributor = new PromptDistributor(tables, () -> hosts, MediaSettings.defaults(), audit);
        String fr = "fr/evs/" + name + ".wav";
        String en = "en/evs/" + name + ".wav";

        List<HostSync> dry = distributor.dryRun();
        assertThat(dry).extracting(HostSync::host).containsExactly("paris/ast-1", "paris/ast-2", "lyon");
        assertThat(dry.get(0).outcome()).isEqualTo(HostSync.Outcome.PLANNED);
        assertThat(dry.get(0).added()).contains(fr, en);
        assertThat(dry.get(1).outcome()).as("the broken host is seen by the dry run already")
                .isEqualTo(HostSync.Outcome.FAILED);
        assertThat(dry.get(1).failure().code()).isEqualTo("media.io-failed");
        assertThat(dry.get(2).outcome()).isEqualTo(HostSync.Outcome.NOT_ASTERISK);
        assertThat(Files.exists(good)).as("a dry run writes nothing").isFalse();

        List<HostSync> applied = distributor.apply();
        assertThat(applied.get(0).outcome()).isEqualTo(HostSync.Outcome.APPLIED);
        assertThat(applied.get(0).added()).contains(fr, en);
        assertThat(applied.get(1).outcome()).isEqualTo(HostSync.Outcome.FAILED);
        assertThat(applied.get(1).failure().code()).isEqualTo("media.io-failed");
        assertThat(applied.get(2).outcome()).isEqualTo(HostSync.Outcome.NOT_ASTERISK);
        assertThat(Files.readAllBytes(good.resolve(fr))).isEqualTo(prompts.audio(name, "fr").orElseThrow());
        assertThat(Files.readAllBytes(good.resolve(en))).isEqualTo(prompts.audio(name, "en").orElseThrow());
        try (var files = Files.list(good.resolve("fr/evs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(f -> f.startsWith("."));
        }

        Files.setLastModifiedTime(good.resolve(fr), FileTime.fromMillis(1_000_000));
        List<HostSync> rerun = distributor.apply();
        assertThat(rerun.get(0).outcome()).isEqualTo(HostSync.Outcome.UP_TO_DATE);
        assertThat(rerun.get(0).hasChanges()).isFalse();
        assertThat(Files.getLastModifiedTime(good.resolve(fr)).toMillis()).as("not rewritten").isEqualTo(1_000_000);
        assertThat(rerun.get(1).outcome()).as("still broken, still reported").isEqualTo(HostSync.Outcome.FAILED);

        // a changed file on the host is put back; a deleted prompt's files go away
        Files.write(good.resolve(fr), new byte[] {1, 2, 3});
        assertThat(distributor.dryRun().get(0).changed()).containsExactly(fr);
        prompts.delete(name, null);
        List<HostSync> after = distributor.apply();
        assertThat(after.get(0).removed()).contains(fr, en);
        assertThat(good.resolve(fr)).doesNotExist();
        assertThat(good.resolve(en)).doesNotExist();
    }
}
