package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.app.telephony.SitePbxRouter;
import com.evscallpro.core.pbxconfig.ApplyResult;
import com.evscallpro.core.pbxconfig.AsteriskConfigRenderer;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.SitePbxConfig;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.SiteDefinition;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.OriginateResult;
import com.evscallpro.telephony.PbxPort;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second site added while the application runs connects to its own PBX without restart, and an agent of that site
 * gets their calls from it, not from the first site's PBX; disabling the site disconnects it alone.
 */
class SitesEndToEndTest {

    private static final String CUSTOMER = "+33612000077";

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void a_site_added_at_run_time_connects_and_takes_the_calls_of_its_agents() throws Exception {
        String amiSecret = "second-site-" + UUID.randomUUID();
        try (PbxSimulator second = new PbxSimulator(SimulatorSettings.defaults().withPort(0)
                .withCredentials("evs-second", amiSecret)
                .withCustomers(CustomerScript.random(3).with(CUSTOMER,
                        CustomerBehaviour.answerAndStay(Duration.ofMillis(200))))
                .withTrunk(SandboxInfrastructure.TRUNK_CONTEXT)
                .withPjsipPhones(true)).start()) {
            PbxSimulator first = stack.infrastructure.pbx();
            SiteService sites = stack.bean(SiteService.class);
            PbxPort pbx = stack.bean(PbxPort.class);
            SitePbxRouter router = (SitePbxRouter) pbx;
            String code = "second-" + UUID.randomUUID().toString().substring(0, 6);

            SiteDetails site = sites.create(SiteDefinition.asterisk(code, "Second site", List.of(
                    new AmiServerSettings("ast-2", "127.0.0.1", second.port(), "evs-second", amiSecret, true,
                            "Local/{number}@customers", SandboxInfrastructure.AGENT_CONTEXT, null, null))));

            await().atMost(Duration.ofSeconds(30)).until(() -> router.port(code).map(PbxPort::isConnected)
                    .orElse(false));
            assertThat(second.connectionCount()).isEqualTo(1);
            assertThat(router.port("main").map(PbxPort::isConnected)).contains(true);

            String extension = "27" + (10 + (int) (Math.random() * 89));
            JdbcTemplate jdbc = stack.bean(JdbcTemplate.class);
            jdbc.update("INSERT INTO app_user (username, password_hash, role, extension, site_id)"
                    + " VALUES (?, 'x', 'AGENT', ?, ?)", "agent-" + code, extension, site.id());

            String callId = "site-" + UUID.randomUUID();
            OriginateResult result = pbx.originate(new OriginateRequest(callId, CUSTOMER, "0100000000", extension,
                    Duration.ofSeconds(20), Map.of())).get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(result.outcome()).isEqualTo(com.evscallpro.telephony.CallOutcome.ANSWERED);
            assertThat(router.siteOf(callId)).contains(code);
            assertThat(second.channelNames()).anySatisfy(c -> assertThat(c).contains(extension));
            assertThat(first.channelNames()).noneSatisfy(c -> assertThat(c).contains(extension));
            pbx.hangup(callId, 16).get(10, java.util.concurrent.TimeUnit.SECONDS);

            // the site's own trunk is rendered into the site's own directory and reloaded on the site's own Asterisk
            PbxConfigService config = stack.bean(PbxConfigService.class);
            SitePbxConfig sitePbx = stack.bean(SitePbxConfig.class);
            String trunkName = "t-" + code;
            Trunk trunk = config.createTrunk(TrunkDefinition.of(trunkName, "sip.second.example")
                    .withCredentials("second-user", "p2;x", true).onSite(site.id()));
            List<String> firstReloads = first.reloads();

            ApplyResult applied = sitePbx.apply(site.id());

            assertThat(applied.reloaded()).as(applied.reloadError()).isTrue();
            assertThat(second.reloads()).contains("res_pjsip.so", "pbx_config.so");
            assertThat(first.reloads()).isEqualTo(firstReloads);
            String pjsip = Files.readString(sitePbx.configDir(site.id()).resolve(AsteriskConfigRenderer.PJSIP_FILE));
            assertThat(pjsip).contains("[" + trunkName + "]").contains("password=p2\\;x");
            assertThat(config.trunks()).filteredOn(t -> t.siteId() != site.id())
                    .allSatisfy(t -> assertThat(pjsip).doesNotContain("[" + t.name() + "]"));
            config.deleteTrunk(trunk.id());

            SiteDetails current = sites.get(site.id());
            SiteDefinition off = current.toDefinition();
            sites.update(site.id(), current.version(), new SiteDefinition(off.code(), off.name(), off.timeZone(),
                    off.pbxMode(), false, off.amiServers(), null));
            await().atMost(Duration.ofSeconds(30)).until(() -> router.port(code).isEmpty());
            assertThat(router.port("main").map(PbxPort::isConnected)).contains(true);
            jdbc.update("DELETE FROM app_user WHERE username = ?", "agent-" + code);
        }
    }
}
