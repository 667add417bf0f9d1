package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.app.telephony.SitePbxRouter;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.PbxPort;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/v1/sites}, {@code /trunks}, {@code /dids} on the running stack: a site created through the API connects
 * to its PBX without restart; a trunk and a DID go under it; secrets never come back; a stale If-Match is 412; bad
 * input is a coded problem with nothing written; an agent is refused.
 */
class SitesApiEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);
    private String admin;

    @BeforeEach
    void login() {
        ApiClient.user(stack, "api-sites-admin", UserAccount.Role.ADMIN, null);
        admin = api.accessToken("api-sites-admin", "api-sites-admin-pw");
    }

    private static String code() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_site_a_trunk_and_a_did_are_created_and_the_site_connects_without_restart() throws Exception {
        String secret = "api-ami-" + UUID.randomUUID();
        try (PbxSimulator pbx = new PbxSimulator(SimulatorSettings.defaults().withPort(0)
                .withCredentials("evs-api", secret)).start()) {
            String code = code();
            ApiClient.Response created = api.post("/api/v1/sites", admin, map("code", code, "name", "API site",
                    "timeZone", "Europe/Brussels", "pbxMode", "ASTERISK_AMI", "amiServers", List.of(map(
                            "serverId", "ast-b", "host", "127.0.0.1", "port", pbx.port(), "username", "evs-api",
                            "secret", secret))));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).doesNotContain(secret);
            JsonNode site = created.json();
            assertThat(site.get("amiServers").get(0).get("secretSet").asBoolean()).isTrue();
            long siteId = site.get("id").asLong();
            SitePbxRouter router = (SitePbxRouter) stack.bean(PbxPort.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> router.port(code).map(PbxPort::isConnected)
                    .orElse(false));
            String stored = stack.bean(JdbcTemplate.class).queryForObject(
                    "SELECT secret FROM site_ami_server WHERE site_id = ?", String.class, siteId);
            assertThat(stored).startsWith("enc:v1:").doesNotContain(secret);

            String trunkName = "t" + code.substring(4);
            ApiClient.Response trunk = api.post("/api/v1/trunks", admin, map("name", trunkName, "host",
                    "sip.api.example", "username", "u1", "password", "trunk-pw-1", "register", true, "siteId", siteId));
            assertThat(trunk.status()).as(trunk.body()).isEqualTo(201);
            assertThat(trunk.body()).doesNotContain("trunk-pw-1");
            assertThat(trunk.json().get("siteId").asLong()).isEqualTo(siteId);
            long trunkId = trunk.json().get("id").asLong();
            String number = "+3319" + (1_000_000 + (int) (Math.random() * 8_999_999));
            ApiClient.Response did = api.post("/api/v1/dids", admin, map("number", number, "trunkId", trunkId,
                    "label", "API support"));
            assertThat(did.status()).as(did.body()).isEqualTo(201);
            assertThat(api.get("/api/v1/trunks?siteId=" + siteId, admin).json().get("items"))
                    .extracting(n -> n.get("name").asText()).containsExactly(trunkName);
            assertThat(api.get("/api/v1/dids?trunkId=" + trunkId, admin).json().get("total").asLong()).isEqualTo(1);

            // a site that still has trunks is not deleted
            ApiClient.Response refused = api.send("DELETE", "/api/v1/sites/" + siteId, admin, null,
                    Map.of("If-Match", "*"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("site.cannot-delete-in-use");
            assertThat(api.send("DELETE", "/api/v1/dids/" + did.json().get("id").asLong(), admin, null,
                    Map.of("If-Match", "*"))
                    .status()).isEqualTo(204);
            assertThat(api.send("DELETE", "/api/v1/trunks/" + trunkId, admin, null, Map.of("If-Match", "*")).status())
                    .isEqualTo(204);
            ApiClient.Response read = api.get("/api/v1/sites/" + siteId, admin);
            assertThat(api.send("DELETE", "/api/v1/sites/" + siteId, admin, null,
                    Map.of("If-Match", read.headers().firstValue("ETag").orElseThrow())).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(30)).until(() -> router.port(code).isEmpty());
        }
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        String code = code();
        ApiClient.Response created = api.post("/api/v1/sites", admin, map("code", code, "name", "Stale",
                "pbxMode", "ASTERISK_AMI", "enabled", false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        Map<String, Object> renamed = map("code", code, "name", "Renamed once", "pbxMode", "ASTERISK_AMI",
                "enabled", false);

        ApiClient.Response first = api.send("PUT", "/api/v1/sites/" + id, admin, renamed, Map.of("If-Match", etag));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        renamed.put("name", "Renamed twice");
        ApiClient.Response stale = api.send("PUT", "/api/v1/sites/" + id, admin, renamed, Map.of("If-Match", etag));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.code()).isEqualTo("site.version-mismatch");
        assertThat(api.get("/api/v1/sites/" + id, admin).json().get("name").asText()).isEqualTo("Renamed once");

        ApiClient.Response trunk = api.post("/api/v1/trunks", admin, map("name", "s" + code.substring(4), "host",
                "sip.stale.example", "siteId", id));
        long trunkId = trunk.json().get("id").asLong();
        String trunkTag = trunk.headers().firstValue("ETag").orElseThrow();
        Map<String, Object> edit = map("name", "s" + code.substring(4), "host", "sip2.stale.example", "siteId", id);
        assertThat(api.send("PUT", "/api/v1/trunks/" + trunkId, admin, edit, Map.of("If-Match", trunkTag)).status())
                .isEqualTo(200);
        edit.put("host", "sip3.stale.example");
        ApiClient.Response staleTrunk = api.send("PUT", "/api/v1/trunks/" + trunkId, admin, edit,
                Map.of("If-Match", trunkTag));
        assertThat(staleTrunk.status()).isEqualTo(412);
        assertThat(staleTrunk.contentType()).startsWith("application/problem+json");
        assertThat(staleTrunk.code()).isEqualTo("trunk.version-mismatch");
        // the ETag is the trunk's version (V90), one more per change; the stale write changed nothing
        ApiClient.Response trunkNow = api.get("/api/v1/trunks/" + trunkId, admin);
        int trunkVersion = trunkNow.json().get("version").asInt();
        assertThat(trunkNow.headers().firstValue("ETag")).hasValue("\"" + trunkVersion + "\"");
        assertThat(trunkTag).isEqualTo("\"" + (trunkVersion - 1) + "\"");
        assertThat(trunkNow.json().get("host").asText()).isEqualTo("sip2.stale.example");
        assertThat(api.send("DELETE", "/api/v1/trunks/" + trunkId, admin, null, Map.of("If-Match", trunkTag))
                .code()).isEqualTo("trunk.version-mismatch");

        String number = "+3319" + (1_000_000 + (int) (Math.random() * 8_999_999));
        ApiClient.Response did = api.post("/api/v1/dids", admin, map("number", number, "trunkId", trunkId,
                "label", "Stale 0"));
        assertThat(did.status()).as(did.body()).isEqualTo(201);
        long didId = did.json().get("id").asLong();
        String didTag = did.headers().firstValue("ETag").orElseThrow();
        assertThat(didTag).isEqualTo("\"" + did.json().get("version").asInt() + "\"");
        ApiClient.Response relabelled = api.send("PUT", "/api/v1/dids/" + didId, admin, map("number", number,
                "trunkId", trunkId, "label", "Stale 1"), Map.of("If-Match", didTag));
        assertThat(relabelled.status()).as(relabelled.body()).isEqualTo(200);
        ApiClient.Response staleDid = api.send("PUT", "/api/v1/dids/" + didId, admin, map("number", number,
                "trunkId", trunkId, "label", "Stale 2"), Map.of("If-Match", didTag));
        assertThat(staleDid.status()).isEqualTo(412);
        assertThat(staleDid.code()).isEqualTo("did.version-mismatch");
        assertThat(api.send("DELETE", "/api/v1/dids/" + didId, admin, null, Map.of("If-Match", didTag)).status())
                .isEqualTo(412);
        assertThat(api.get("/api/v1/dids/" + didId, admin).json().get("label").asText()).isEqualTo("Stale 1");

        assertThat(api.send("DELETE", "/api/v1/dids/" + didId, admin, null, Map.of("If-Match",
                relabelled.headers().firstValue("ETag").orElseThrow())).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/trunks/" + trunkId, admin, null, Map.of("If-Match",
                trunkNow.headers().firstValue("ETag").orElseThrow())).status()).isEqualTo(204);
    }

    @Test
    void bad_input_is_a_coded_problem_and_nothing_is_written() {
        long before = api.get("/api/v1/sites?size=500", admin).json().get("total").asLong();

        ApiClient.Response missing = api.post("/api/v1/sites", admin, map("name", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("request.invalid");
        ApiClient.Response badCode = api.post("/api/v1/sites", admin, map("code", "Bad Code<script>", "name", "x",
                "pbxMode", "ASTERISK_AMI", "enabled", false));
        assertThat(badCode.code()).isEqualTo("site.code-invalid");
        ApiClient.Response injected = api.post("/api/v1/sites", admin, map("code", code(), "name", "x",
                "pbxMode", "ASTERISK_AMI", "amiServers", List.of(map("serverId", "a", "host", "h\r\nAction: Logoff",
                        "username", "u", "secret", "s"))));
        assertThat(injected.status()).isEqualTo(400);
        assertThat(injected.code()).isEqualTo("site.ami-host-invalid");
        ApiClient.Response noSecret = api.post("/api/v1/sites", admin, map("code", code(), "name", "x",
                "pbxMode", "ASTERISK_AMI", "amiServers", List.of(map("serverId", "a", "host", "h", "username", "u"))));
        assertThat(noSecret.code()).isEqualTo("site.ami-secret-required");
        assertThat(api.post("/api/v1/sites", admin, map("code", "main", "name", "x", "pbxMode", "ASTERISK_AMI",
                "enabled", false)).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/sites/987654321", admin).code()).isEqualTo("site.not-found");
        ApiClient.Response badTrunk = api.post("/api/v1/trunks", admin, map("name", "ok-name", "host", "h",
                "siteId", 987654321));
        assertThat(badTrunk.status()).isEqualTo(400);
        assertThat(badTrunk.code()).isEqualTo("pbx.invalid");
        assertThat(api.post("/api/v1/dids", admin, map("number", "12", "trunkId", 987654321)).code())
                .isEqualTo("pbx.invalid");

        assertThat(api.get("/api/v1/sites?size=500", admin).json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void an_agent_cannot_read_or_change_sites() {
        ApiClient.user(stack, "api-sites-agent", UserAccount.Role.AGENT, "2791");
        String agent = api.accessToken("api-sites-agent", "api-sites-agent-pw");
        assertThat(api.get("/api/v1/sites", agent).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/trunks", agent, map("name", "x", "host", "h")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/dids", agent).status()).isEqualTo(403);
    }
}
