package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.media.MediaHosts;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.core.user.UserAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/prompts}, {@code /api/v1/prompt-distribution} and {@code /api/v1/voicemails} on the running stack,
 * over real HTTP: a WAV uploaded as multipart is converted and played back, a text file is refused with its code and
 * leaves nothing, If-Match guards changes, the files reach the main site's Asterisk directory, and a supervisor lists,
 * plays (audited), marks heard and archives a voicemail; the roles are enforced.
 */
class PromptsApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);
    private String admin;
    private String supervisor;

    @BeforeEach
    void login() {
        ApiClient.user(stack, "api-prompts-admin", UserAccount.Role.ADMIN, null);
        ApiClient.user(stack, "api-prompts-sup", UserAccount.Role.SUPERVISOR, null);
        admin = api.accessToken("api-prompts-admin", "api-prompts-admin-pw");
        supervisor = api.accessToken("api-prompts-sup", "api-prompts-sup-pw");
    }

    @Test
    void a_prompt_is_uploaded_converted_played_guarded_by_its_etag_distributed_and_deleted() throws Exception {
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8);
        int port = stack.httpPort();
        HttpResponse<byte[]> created = TestAudio.multipart(port, "POST", "/api/v1/prompts", admin, Map.of(), List.of(
                TestAudio.Part.field("name", name), TestAudio.Part.field("description", "Accueil"),
                TestAudio.Part.field("language", "fr"),
                new TestAudio.Part("file", "accueil.wav", TestAudio.tone(1000, 44_100, 2, 1.0))));
        String body = new String(created.body(), StandardCharsets.UTF_8);
        assertThat(created.statusCode()).as(body).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/prompts/" + name);
        JsonNode upload = ApiClient.JSON.readTree(body);
        assertThat(upload.get("sourceFormat").asText()).isEqualTo("PCM_SIGNED 44100 Hz 16-bit 2 ch");
        assertThat(upload.get("targetFormat").asText()).isEqualTo("PCM_SIGNED 8000 Hz 16-bit 1 ch");
        assertThat(upload.get("durationMs").asLong()).isEqualTo(1000);
        assertThat(upload.get("converted").asBoolean()).isTrue();

        HttpResponse<byte[]> audio = TestAudio.getBytes(port, "/api/v1/prompts/" + name + "/audio/fr", admin);
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("audio/wav"));
        AudioFormat f = TestAudio.format(audio.body());
        assertThat(f.getSampleRate()).isEqualTo(8000f);
        assertThat(f.getChannels()).isEqualTo(1);
        assertThat(f.getSampleSizeInBits()).isEqualTo(16);

        // a text file renamed .wav: refused with its code, and no prompt is left behind
        String refusedName = name + "-txt";
        HttpResponse<byte[]> refused = TestAudio.multipart(port, "POST", "/api/v1/prompts", admin, Map.of(),
                List.of(TestAudio.Part.field("name", refusedName), new TestAudio.Part("file", "menu.wav",
                        "ceci est du texte".getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.JSON.readTree(refused.body()).get("code").asText()).isEqualTo("audio.not-wav");
        assertThat(api.get("/api/v1/prompts/" + refusedName, admin).code()).isEqualTo("prompt.not-found");

        // optimistic locking
        ApiClient.Response stale = api.put("/api/v1/prompts/" + name, admin, map("description", "x"),
                Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("prompt.version-mismatch");
        ApiClient.Response described = api.put("/api/v1/prompts/" + name, admin, map("description", "Bienvenue"),
                Map.of("If-Match", "\"1\""));
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(described.headers().firstValue("ETag")).hasValue("\"2\"");
        HttpResponse<byte[]> english = TestAudio.multipart(port, "PUT", "/api/v1/prompts/" + name + "/audio/en",
                admin, Map.of("If-Match", "\"2\""),
                List.of(new TestAudio.Part("file", "welcome.wav", TestAudio.tone(500, 8000, 1, 0.5))));
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(ApiClient.JSON.readTree(english.body()).get("converted").asBoolean()).isFalse();
        JsonNode listed = api.get("/api/v1/prompts?size=500", admin).json();
        assertThat(StreamSupport.stream(listed.get("items").spliterator(), false)
                .filter(p -> p.get("name").asText().equals(name)).findFirst().orElseThrow()
                .get("audio")).hasSize(2);

        // distribution: the main site's Asterisk gets both files; a rerun changes nothing there
        long main = stack.bean(SiteDirectory.class).sites().stream().filter(s -> s.code().equals("main"))
                .findFirst().orElseThrow().id();
        Path sounds = Path.of(stack.bean(MediaHosts.class).host(main, null).transfer().location());
        JsonNode dry = mainHost(api.get("/api/v1/prompt-distribution", admin).json());
        assertThat(dry.get("added").toString()).contains("fr/evs/" + name + ".wav", "en/evs/" + name + ".wav");
        JsonNode applied = mainHost(api.post("/api/v1/prompt-distribution", admin, null).json());
        assertThat(applied.get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(Files.readAllBytes(sounds.resolve("fr/evs/" + name + ".wav"))).isEqualTo(audio.body());
        assertThat(mainHost(api.post("/api/v1/prompt-distribution", admin, null).json()).get("outcome").asText())
                .isEqualTo("UP_TO_DATE");

        // roles: prompts are for admins only
        assertThat(api.get("/api/v1/prompts", supervisor).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/prompt-distribution", supervisor).status()).isEqualTo(403);

        ApiClient.Response deleted = api.delete("/api/v1/prompts/" + name, admin, Map.of("If-Match", "\"3\""));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(mainHost(api.post("/api/v1/prompt-distribution", admin, null).json()).get("removed").toString())
                .contains("fr/evs/" + name + ".wav");
        assertThat(sounds.resolve("fr/evs/" + name + ".wav")).doesNotExist();
    }

    private static JsonNode mainHost(JsonNode hosts) {
        return StreamSupport.stream(hosts.spliterator(), false).filter(h -> h.get("site").asText().equals("main"))
                .findFirst().orElseThrow(() -> new AssertionError("no main host in " + hosts));
    }

    @Test
    void a_supervisor_lists_plays_marks_heard_and_archives_a_voicemail_and_each_listen_is_audited()
            throws Exception {
        String did = "+3319" + (1_000_000 + (int) (Math.random() * 8_999_999));
        long id = TestAudio.leaveVoicemail(stack, "+33612345678", did, "Support");

        ApiClient.Response list = api.get("/api/v1/voicemails?q=" + did.substring(1) + "&size=10", supervisor);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode item = list.json().get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(id);
        assertThat(item.get("callerNumber").asText()).isEqualTo("+33612345678");
        assertThat(item.get("mailboxLabel").asText()).isEqualTo("Support");
        assertThat(item.get("state").asText()).isEqualTo("NEW");
        assertThat(list.json().get("total").asLong()).isEqualTo(1);

        HttpResponse<byte[]> audio = TestAudio.getBytes(stack.httpPort(), "/api/v1/voicemails/" + id + "/audio",
                supervisor);
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type").orElse("")).startsWith("audio/wav");
        assertThat(TestAudio.format(audio.body()).getSampleRate()).isEqualTo(8000f);
        assertThat(stack.bean(AuditTrail.class).search(new AuditFilter("api-prompts-sup", "voicemail", null, null),
                0, 20)).anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("listen");
                    assertThat(e.entityId()).isEqualTo(String.valueOf(id));
                });
        assertThat(api.get("/api/v1/voicemails/" + id, supervisor).json().get("state").asText()).isEqualTo("HEARD");
        ApiClient.Response archived = api.post("/api/v1/voicemails/" + id + "/archive", supervisor, null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("state").asText()).isEqualTo("ARCHIVED");
        assertThat(api.get("/api/v1/voicemails?state=NEW&state=HEARD&q=" + did.substring(1), supervisor).json()
                .get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/voicemails/987654321", supervisor).code()).isEqualTo("voicemail.not-found");
        assertThat(api.get("/api/v1/voicemails?sort=nonsense", supervisor).code())
                .isEqualTo("request.sort-unsupported");

        ApiClient.user(stack, "api-prompts-agent", UserAccount.Role.AGENT, "2671");
        String agent = api.accessToken("api-prompts-agent", "api-prompts-agent-pw");
        assertThat(api.get("/api/v1/voicemails", agent).status()).isEqualTo(403);
    }
}
