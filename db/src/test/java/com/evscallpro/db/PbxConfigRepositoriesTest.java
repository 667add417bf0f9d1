package com.evscallpro.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.db.site.SiteRepository;
import com.evscallpro.db.pbxconfig.DidNumber;
import com.evscallpro.db.pbxconfig.DidNumberRepository;
import com.evscallpro.db.pbxconfig.SipTrunk;
import com.evscallpro.db.pbxconfig.SipTrunkRepository;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** V6: sip_trunk and did, their constraints and the repositories' queries. */
@SpringBootTest(classes = DbTestApplication.class)
class PbxConfigRepositoriesTest {

    @Autowired SipTrunkRepository trunks;
    @Autowired DidNumberRepository dids;
    @Autowired SiteRepository sites;

    private long main() {
        return sites.findByCode("main").orElseThrow().id();
    }

    private static String name() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String number() {
        return "+3319" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    private SipTrunk trunk(String name) {
        return trunks.save(SipTrunk.create(main(), name, "sip.example.net", 5060, "udp", "0123456789", "s3cret;#x",
                "0123456789", "sip.example.net", "g722,alaw,ulaw", true, null, 30, true));
    }

    @Test
    void a_trunk_is_stored_with_its_ordered_codecs_and_clear_password() {
        String name = name();
        SipTrunk saved = trunk(name);

        SipTrunk loaded = trunks.findByName(name).orElseThrow();
        assertThat(loaded.id()).isEqualTo(saved.id());
        assertThat(loaded.codecs()).isEqualTo("g722,alaw,ulaw");
        assertThat(loaded.password()).isEqualTo("s3cret;#x");
        assertThat(loaded.register()).isTrue();
        assertThat(loaded.maxChannels()).isEqualTo(30);
        assertThat(loaded.toString()).doesNotContain("s3cret").contains("password=****");
        assertThat(trunks.findAllByOrderByName()).extracting(SipTrunk::name).contains(name).isSorted();
    }

    @Test
    void an_updated_trunk_keeps_its_id_and_creation_time() {
        SipTrunk saved = trunk(name());

        SipTrunk updated = trunks.save(saved.update(saved.siteId(), saved.name(), "10.0.0.7", 5080, "tcp", null, null, null, null,
                "ulaw", false, "proxy.example.net:5070", null, false));

        SipTrunk loaded = trunks.findById(saved.id()).orElseThrow();
        assertThat(loaded.host()).isEqualTo("10.0.0.7");
        assertThat(loaded.transport()).isEqualTo("tcp");
        assertThat(loaded.password()).isNull();
        assertThat(loaded.createdAt()).isEqualTo(saved.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(saved.updatedAt());
    }

    @Test
    void the_database_refuses_an_unsafe_trunk_name_a_duplicate_and_half_credentials() {
        String name = name();
        trunk(name);

        assertThatThrownBy(() -> trunk(name)).hasRootCauseInstanceOf(PSQLException.class)
                .hasStackTraceContaining("sip_trunk_name_uk");
        assertThatThrownBy(() -> trunk("Bad Name]")).hasRootCauseInstanceOf(PSQLException.class)
                .hasStackTraceContaining("sip_trunk_name_check");
        assertThatThrownBy(() -> trunks.save(SipTrunk.create(main(), name(), "h", 5060, "udp", "user", null, null, null,
                "alaw", false, null, null, true))).hasRootCauseInstanceOf(PSQLException.class)
                .hasStackTraceContaining("sip_trunk_credentials_ck");
        assertThatThrownBy(() -> trunks.save(SipTrunk.create(main(), name(), "h\nx", 5060, "udp", null, null, null, null,
                "alaw", false, null, null, true))).hasRootCauseInstanceOf(PSQLException.class)
                .hasStackTraceContaining("sip_trunk_host_check");
        assertThatThrownBy(() -> trunks.save(SipTrunk.create(main(), name(), "h", 5060, "ws", null, null, null, null,
                "alaw", false, null, null, true))).hasRootCauseInstanceOf(PSQLException.class)
                .hasStackTraceContaining("sip_trunk_transport_check");
    }

    @Test
    void dids_are_unique_e164_numbers_of_an_existing_trunk() {
        SipTrunk trunk = trunk(name());
        String number = number();
        DidNumber did = dids.save(DidNumber.create(number, trunk.id(), "Support", "IVR", "ivr", true));

        assertThat(dids.findByNumber(number)).get().extracting(DidNumber::id).isEqualTo(did.id());
        assertThat(dids.findByTrunkIdOrderByNumber(trunk.id())).extracting(DidNumber::number).containsExactly(number);
        assertThat(dids.countByTrunkId(trunk.id())).isOne();
        assertThatThrownBy(() -> dids.save(DidNumber.create(number, trunk.id(), null, "IVR", "ivr", true)))
                .hasRootCauseInstanceOf(PSQLException.class).hasStackTraceContaining("did_number_uk");
        assertThatThrownBy(() -> dids.save(DidNumber.create("0123456789", trunk.id(), null, "IVR", "ivr", true)))
                .hasRootCauseInstanceOf(PSQLException.class).hasStackTraceContaining("did_number_check");
        assertThatThrownBy(() -> dids.save(DidNumber.create(number(), -1, null, "IVR", "ivr", true)))
                .hasRootCauseInstanceOf(PSQLException.class).hasStackTraceContaining("did_trunk_id_fkey");
    }

    @Test
    void a_trunk_with_dids_cannot_be_deleted() {
        SipTrunk trunk = trunk(name());
        DidNumber did = dids.save(DidNumber.create(number(), trunk.id(), null, "QUEUE", "sales", true));

        assertThatThrownBy(() -> trunks.deleteById(trunk.id())).hasRootCauseInstanceOf(PSQLException.class);

        dids.deleteById(did.id());
        trunks.deleteById(trunk.id());
        assertThat(trunks.findById(trunk.id())).isEmpty();
    }
}
