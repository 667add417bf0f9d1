package com.evscallpro.app.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.PbxMode;
import com.evscallpro.core.site.SiteDefinition;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.core.site.YeastarConnection;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.CallOutcome;
import com.evscallpro.telephony.OriginateRequest;
import com.evscallpro.telephony.PbxCapability;
import com.evscallpro.telephony.PbxPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The router answers what a call's PBX can do from the adapter of the call's own site: real adapters built as the
 * application builds them ({@link TelephonyConfiguration#pbxPort}), an Asterisk site over AMI to the simulator and a
 * Yeastar site (its API unreachable here: what a Yeastar adapter can do does not depend on its connection). The sites
 * come from a fixed in-memory {@link SiteService} (their storage is tested in core's {@code SiteServiceTest}).
 */
class SitePbxRouterCapabilitiesTest {

    private static final long ASTERISK_SITE = 1;
    private static final long YEASTAR_SITE = 2;

    @Test
    void a_call_on_the_yeastar_site_cannot_send_dtmf_and_one_on_the_asterisk_site_can() throws Exception {
        try (PbxSimulator sim = new PbxSimulator(SimulatorSettings.defaults().withPort(0)).start();
             SitePbxRouter router = new SitePbxRouter(new Sites(sim.port()), site -> new TelephonyConfiguration()
                     .pbxPort(SiteConnections.settingsOf(new TelephonySettings(null, null, null), site))).start()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> router.port("ast").map(PbxPort::isConnected)
                    .orElse(false));

            var answered = router.originate(new OriginateRequest("cap-ast", "+33612000031", "0100000000", "2931",
                    Duration.ofSeconds(20), Map.of(SitePbxRouter.SITE_VARIABLE, "ast"))).get(30, TimeUnit.SECONDS);
            // the Yeastar site's API is unreachable: the dial fails, the call stays the Yeastar site's
            router.originate(new OriginateRequest("cap-yst", "+33612000032", "0100000000", "2932",
                    Duration.ofSeconds(20), Map.of(SitePbxRouter.SITE_VARIABLE, "yst")));

            assertThat(answered.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(router.siteOf("cap-ast")).contains("ast");
            assertThat(router.siteOf("cap-yst")).contains("yst");
            assertThat(router.capabilities("cap-ast")).containsExactlyInAnyOrder(PbxCapability.values());
            assertThat(router.capabilities("cap-yst")).doesNotContain(PbxCapability.SEND_DTMF,
                    PbxCapability.SWITCH_SPY_MODE, PbxCapability.TAKE_OVER)
                    .contains(PbxCapability.HOLD, PbxCapability.MUTE, PbxCapability.BLIND_TRANSFER);
            assertThat(router.capabilities("cap-unknown")).as("no site owns it: the port's default")
                    .containsExactlyInAnyOrder(PbxCapability.values());
            router.hangup("cap-ast", 16).get(10, TimeUnit.SECONDS);
        }
    }

    /** Two enabled sites with their connection, as {@link SiteService#connection} opens them for the router. */
    private record Sites(int amiPort) implements SiteService {

        @Override
        public Optional<SiteDetails> connection(long id) {
            if (id == ASTERISK_SITE) {
                return Optional.of(new SiteDetails(id, "ast", "Asterisk site", "Europe/Paris", PbxMode.ASTERISK_AMI,
                        true, 1, List.of(AmiServerSettings.of("ast-1", "127.0.0.1", amiPort, "evs", "evs-secret")),
                        null));
            }
            return id != YEASTAR_SITE ? Optional.empty() : Optional.of(new SiteDetails(id, "yst", "Yeastar site",
                    "Europe/Paris", PbxMode.YEASTAR_API, true, 1, List.of(), new YeastarConnection(
                    "http://127.0.0.1:1", "client", "secret", true, null, null, null)));
        }

        @Override
        public List<Long> ids() {
            return List.of(ASTERISK_SITE, YEASTAR_SITE);
        }

        @Override
        public Optional<Long> siteOfExtension(String extension) {
            return Optional.empty();
        }

        @Override
        public List<SiteDetails> list(String filter, String sort, boolean ascending, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int count(String filter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SiteDetails get(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SiteDetails create(SiteDefinition site) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SiteDetails update(long id, int version, SiteDefinition site) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(long id, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean adoptMainConnection(PbxMode mode, List<AmiServerSettings> servers, YeastarConnection yeastar) {
            throw new UnsupportedOperationException();
        }
    }
}
