package com.evscallpro.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.media.MediaTestConfig;
import com.evscallpro.core.media.TestWavs;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The prompt library on the real database: uploads checked and converted, names, versions, what the IVR reads. */
@SpringBootTest(classes = {DataServicesTestApplication.class, MediaTestConfig.class})
class PromptServiceTest {

    @Autowired
    PromptService prompts;

    @Autowired
    PromptLibrary library;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void an_uploaded_44_1_khz_stereo_wav_is_stored_as_8_khz_mono_16_bit_and_read_back_as_a_1_khz_tone()
            throws Exception {
        String name = uniqueName("welcome");
        PromptView created = prompts.create(name, "Message d'accueil");
        assertThat(created.audio()).isEmpty();
        assertThat(created.version()).isZero();

        PromptService.Upload upload = prompts.upload(name, "fr", "accueil.wav", TestWavs.tone(1000, 44_100, 2, 1.5),
                created.version());

        assertThat(upload.audio().sourceFormat()).isEqualTo("PCM_SIGNED 44100 Hz 16-bit 2 ch");
        assertThat(upload.audio().targetFormat()).isEqualTo("PCM_SIGNED 8000 Hz 16-bit 1 ch");
        assertThat(upload.prompt().version()).isEqualTo(1);
        PromptAudio fr = upload.prompt().audio("fr").orElseThrow();
        assertThat(fr.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(fr.sourceName()).isEqualTo("accueil.wav");
        assertThat(fr.uploadedBy()).isNotBlank();
        byte[] stored = library.audio(name, "fr").orElseThrow();
        assertThat(fr.checksum()).isEqualTo(com.evscallpro.core.media.WavConverter.sha256(stored));
        AudioFormat f = TestWavs.format(stored);
        assertThat(f.getSampleRate()).isEqualTo(8000f);
        assertThat(f.getChannels()).isEqualTo(1);
        assertThat(f.getSampleSizeInBits()).isEqualTo(16);
        assertThat(f.isBigEndian()).isFalse();
        assertThat(TestWavs.crossingsPerSecond(TestWavs.samples(stored), 8000)).isCloseTo(2000, within(4.0));

        assertThat(library.exists(name)).isTrue();
        assertThat(library.byName(name)).get().extracting(PromptView::languages).isEqualTo(List.of("fr"));
        assertThat(library.prompts()).extracting(PromptView::name).contains(name);
        assertThat(library.playbackFile(name)).isEqualTo("evs/" + name);
        assertThat(library.audio(name, "en")).isEmpty();
    }

    @Test
    void a_text_file_renamed_wav_is_refused_with_its_code_and_nothing_is_stored() {
        String name = uniqueName("menu");
        prompts.create(name, null);
        byte[] text = "not audio at all, just text\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> prompts.upload(name, "fr", "menu.wav", text, null))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("audio.not-wav"));
        assertThat(library.byName(name).orElseThrow().audio()).isEmpty();
        assertThat(library.byName(name).orElseThrow().version()).as("a refused upload changes nothing").isZero();
    }

    /**
     * {@link PromptLibrary#exists} answers from the names as last read (an IVR asks before every prompt it plays): a
     * prompt created or deleted here counts at once, one written by another node (straight into the table here) once
     * the names are older than {@link PromptServiceImpl#NAMES_TTL}.
     */
    @Test
    void exists_sees_this_nodes_changes_at_once_and_another_nodes_within_the_names_ttl() throws Exception {
        String name = uniqueName("cached");
        assertThat(library.exists(name)).isFalse(); // the names are read, without it
        prompts.create(name, null);
        assertThat(library.exists(name)).isTrue();
        prompts.delete(name, null);
        long read = System.nanoTime();
        assertThat(library.exists(name)).isFalse(); // read again: this node deleted it
        String elsewhere = uniqueName("other-node");
        jdbc.update("INSERT INTO prompt (name, created_by, updated_by) VALUES (?, 'other-node', 'other-node')",
                elsewhere);
        boolean seen = library.exists(elsewhere);
        if (System.nanoTime() - read < PromptServiceImpl.NAMES_TTL.toNanos()) { // a loaded machine may take longer
            assertThat(seen).as("within the names' TTL").isFalse();
        }
        Thread.sleep(PromptServiceImpl.NAMES_TTL.toMillis() + 100);
        assertThat(library.exists(elsewhere)).as("after it").isTrue();
        jdbc.update("DELETE FROM prompt WHERE name = ?", elsewhere);
    }

    @Test
    void names_languages_and_versions_are_checked() {
        String name = uniqueName("hours");
        PromptView p = prompts.create(name, "old");
        assertThatThrownBy(() -> prompts.create(name, "again"))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("prompt.name-taken"));
        for (String bad : List.of("", "Welcome", "-x", "a b", "x".repeat(65), "../etc")) {
            assertThatThrownBy(() -> prompts.create(bad, null)).as(bad)
                    .isInstanceOfSatisfying(EvsException.class,
                            e -> assertThat(e.code()).isEqualTo("prompt.name-invalid"));
        }
        assertThatThrownBy(() -> prompts.upload(name, "de", null, TestWavs.tone(440, 8000, 1, 0.2), null))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("prompt.language-invalid"));
        PromptView described = prompts.describe(name, "new", p.version());
        assertThat(described.description()).isEqualTo("new");
        assertThatThrownBy(() -> prompts.describe(name, "stale", p.version()))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("prompt.version-mismatch");
                    assertThat(e.args()).containsExactly(p.version(), described.version());
                });
        assertThatThrownBy(() -> prompts.delete(name, p.version()))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("prompt.version-mismatch"));
        prompts.delete(name, described.version());
        assertThat(library.exists(name)).isFalse();
        assertThatThrownBy(() -> prompts.describe(name, "x", null))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("prompt.not-found"));
    }

    @Test
    void a_prompt_a_published_flow_names_cannot_be_deleted_and_the_flows_are_named() {
        String used = uniqueName("used");
        String draftOnly = uniqueName("draft");
        prompts.create(used, null);
        prompts.create(draftOnly, null);
        String flow = "Flow " + UUID.randomUUID();
        long flowId = jdbc.queryForObject("INSERT INTO flow (kind, process_id, name) VALUES ('IVR', ?, ?) RETURNING id",
                Long.class, "p" + UUID.randomUUID().toString().replace("-", ""), flow);
        String bpmn = "<bpmn:serviceTask id=\"WelcomeTask\"><zeebe:taskHeaders>"
                + "<zeebe:header key=\"prompt\" value=\"" + used + "\"/></zeebe:taskHeaders></bpmn:serviceTask>";
        jdbc.update("INSERT INTO flow_version (flow_id, number, status, bpmn_xml, checksum, source, created_by) "
                + "VALUES (?, 1, 'PUBLISHED', ?, 'x', 'FILE', 'test')", flowId, bpmn);
        jdbc.update("INSERT INTO flow_version (flow_id, number, status, bpmn_xml, checksum, source, created_by) "
                + "VALUES (?, 2, 'DRAFT', ?, 'x', 'FILE', 'test')", flowId,
                bpmn.replace(used, draftOnly) + "<x source=\"=&quot;" + draftOnly + "&quot;\"/>");

        assertThatThrownBy(() -> prompts.delete(used, null))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("prompt.cannot-delete-in-use");
                    assertThat(e.args()).containsExactly(used, flow);
                });
        assertThat(library.exists(used)).isTrue();
        prompts.delete(draftOnly, null); // only a draft names it: not in use
        assertThat(library.exists(draftOnly)).isFalse();

        jdbc.update("DELETE FROM flow WHERE id = ?", flowId); // leaves the shared database as found
        prompts.delete(used, null);
        assertThat(library.exists(used)).isFalse();
    }

    @Test
    void missing_lists_the_names_that_are_no_prompt() {
        String a = uniqueName("a");
        String b = uniqueName("b");
        prompts.create(a, null);
        prompts.create(b, null);
        assertThat(library.missing(List.of(a, "nope-1", b, " ", "nope-0"))).containsExactly("nope-0", "nope-1");
        assertThat(library.missing(List.of())).isEmpty();
    }
}
