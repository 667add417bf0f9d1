package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.recording.RecordingService;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.PbxSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/recordings} on the running stack: a call of a campaign recording every call is recorded by the
 * simulator (MixMonitor over AMI, a WAV in the main Asterisk's sounds directory), collected into storage (the stack's
 * S3 bucket, {@link TestObjectStore}: an {@code audio/wav} object), listed and played over HTTP (Range honoured, served
 * from a ranged GetObject; each listen audited); its agent may hear it, another agent gets 404 for the same URLs, an
 * analyst 403, and only admins change a policy; past its retention the purge deletes the object and the row.
 */
class RecordingsApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    private static HttpResponse<byte[]> audio(int port, String path, String token, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET();
        if (range != null) {
            b.header("Range", range);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_recorded_call_is_listed_and_played_by_allowed_roles_only_and_every_listen_is_audited() throws Exception {
        UserAccount owner = ApiClient.user(stack, "api-rec-agent", UserAccount.Role.AGENT, "2301");
        ApiClient.user(stack, "api-rec-other", UserAccount.Role.AGENT, "2302");
        ApiClient.user(stack, "api-rec-sup", UserAccount.Role.SUPERVISOR, null);
        ApiClient.user(stack, "api-rec-admin", UserAccount.Role.ADMIN, null);
        ApiClient.user(stack, "api-rec-analyst", UserAccount.Role.ANALYST, null);
        String agent = api.accessToken("api-rec-agent", "api-rec-agent-pw");
        String other = api.accessToken("api-rec-other", "api-rec-other-pw");
        String supervisor = api.accessToken("api-rec-sup", "api-rec-sup-pw");
        String admin = api.accessToken("api-rec-admin", "api-rec-admin-pw");
        String analyst = api.accessToken("api-rec-analyst", "api-rec-analyst-pw");

        long campaign = TestRecordings.campaign(stack);
        String policyPath = "/api/v1/recordings/policies/CAMPAIGN/" + campaign;
        assertThat(api.put(policyPath, supervisor, map("mode", "ALL"), Map.of()).status()).isEqualTo(403);
        ApiClient.Response saved = api.put(policyPath, admin, map("mode", "ALL", "retentionDays", 30), Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.get(policyPath, supervisor).json().get("mode").asText()).isEqualTo("ALL");
        assertThat(api.put(policyPath, admin, map("mode", "ALL", "retentionDays", 0), Map.of()).code())
                .isEqualTo("recording.bad-retention");

        // a call connected to the agent: recorded over AMI (the simulator saw MixMonitor), ended, collected
        String callId = TestRecordings.recordedCall(stack, campaign, owner.id(), "2301");
        assertThat(stack.bean(PbxSimulator.class).recordingActions())
                .anySatisfy(a -> assertThat(a).startsWith("MixMonitor ").endsWith("/evs-recordings/" + callId + ".wav"));
        RecordingService recordings = stack.bean(RecordingService.class);
        long id = recordings.ofCall(callId).orElseThrow().id();

        // the call's detail in the history carries it for those who may hear it (the CDR row as the recorder writes it)
        stack.bean(org.springframework.jdbc.core.JdbcTemplate.class).update("INSERT INTO call_history (call_id, "
                + "direction, caller, callee, started_at, answered_at, ended_at, disposition, campaign_id, agent_id) "
                + "VALUES (?, 'OUTBOUND', '0100000000', '+33100000001', now() - interval '1 minute', "
                + "now() - interval '50 seconds', now(), 'ANSWERED', ?, ?)", callId, campaign, owner.id());
        JsonNode detail = api.get("/api/v1/calls/" + callId, supervisor).json();
        assertThat(detail.get("recording").get("id").asLong()).isEqualTo(id);
        assertThat(detail.get("recording").get("audio").asText()).isEqualTo("/api/v1/recordings/" + id + "/audio");
        assertThat(api.get("/api/v1/calls/" + callId, agent).json().get("recording").get("id").asLong()).isEqualTo(id);

        // listed
        JsonNode page = api.get("/api/v1/recordings?callId=" + callId, supervisor).json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("state").asText()).isEqualTo("STORED");
        assertThat(api.get("/api/v1/recordings?callId=" + callId, agent).json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/recordings?callId=" + callId, other).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/recordings?sort=nonsense", supervisor).code())
                .isEqualTo("request.sort-unsupported");

        // played: whole, a range, a range outside the file
        int port = stack.httpPort();
        HttpResponse<byte[]> whole = audio(port, "/api/v1/recordings/" + id + "/audio", supervisor, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(new String(whole.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(TestAudio.format(whole.body()).getSampleRate()).isEqualTo(8000f);
        HttpResponse<byte[]> part = audio(port, "/api/v1/recordings/" + id + "/audio", agent, "bytes=4-11");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 4-11/" + whole.body().length);
        assertThat(new String(part.body(), StandardCharsets.US_ASCII)).isEqualTo(
                new String(whole.body(), 4, 8, StandardCharsets.US_ASCII));
        // what was played is the bucket's object (the storage's), uploaded as audio/wav
        TestObjectStore objects = stack.objects();
        String key = objects.keyOf(callId).orElseThrow();
        assertThat(key).endsWith("/" + callId + ".wav");
        assertThat(objects.client().headObject(b -> b.bucket(TestObjectStore.BUCKET).key(key)).contentType())
                .isEqualTo("audio/wav");
        assertThat(whole.body()).isEqualTo(objects.client()
                .getObjectAsBytes(b -> b.bucket(TestObjectStore.BUCKET).key(key)).asByteArray());
        HttpResponse<byte[]> outside = audio(port, "/api/v1/recordings/" + id + "/audio", supervisor,
                "bytes=" + whole.body().length + "-");
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.body().length);
        assertThat(ApiClient.JSON.readTree(outside.body()).get("code").asText()).isEqualTo("recording.range-invalid");

        // another agent: 404 on the same URLs; an analyst: 403
        assertThat(api.get("/api/v1/recordings/" + id, other).code()).isEqualTo("recording.not-found");
        HttpResponse<byte[]> stolen = audio(port, "/api/v1/recordings/" + id + "/audio", other, null);
        assertThat(stolen.statusCode()).isEqualTo(404);
        assertThat(new String(stolen.body(), StandardCharsets.UTF_8)).doesNotContain("RIFF");
        assertThat(api.get("/api/v1/recordings/" + id, analyst).status()).isEqualTo(403);
        assertThat(audio(port, "/api/v1/recordings/" + id + "/audio", analyst, null).statusCode()).isEqualTo(403);

        assertThat(stack.bean(AuditTrail.class).search(new AuditFilter(null, "recording", null, null), 0, 500))
                .filteredOn(e -> e.entityId().equals(String.valueOf(id)) && e.action().equals("listen"))
                .extracting(e -> e.actorName()).contains("api-rec-sup", "api-rec-agent")
                .doesNotContain("api-rec-other");

        // past its retention: the purge deletes the object from the bucket, then the row
        stack.bean(JdbcClient.class).sql("UPDATE call_recording SET purge_after = now() - interval '1 minute' "
                + "WHERE id = ?").param(id).update();
        assertThat(recordings.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(objects.keyOf(callId)).isEmpty();
        assertThat(api.get("/api/v1/recordings/" + id, supervisor).code()).isEqualTo("recording.not-found");
    }
}
