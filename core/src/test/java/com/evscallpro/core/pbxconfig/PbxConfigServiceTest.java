package com.evscallpro.core.pbxconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.util.List;
import com.evscallpro.core.error.EvsException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Trunks and DIDs stored on the embedded PostgreSQL through the service and its validation. */
@SpringBootTest(classes = {DataServicesTestApplication.class, PbxConfigServiceImpl.class,
        TrunkPasswordSealer.class})
class PbxConfigServiceTest {

    @Autowired PbxConfigService service;
    @Autowired JdbcTemplate jdbc;
    @Autowired TrunkPasswordSealer sealer;

    private static String name() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String number() {
        return "+3319" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    private Trunk newTrunk() {
        return service.createTrunk(TrunkDefinition.of(name(), "sip.example.net")
                .withCredentials("user1", "pa;ss", true));
    }

    @Test
    void a_trunk_is_created_normalized_and_listed_without_its_password() {
        String name = name();
        Trunk trunk = service.createTrunk(new TrunkDefinition(" " + name + " ", "[2001:db8::7]", null,
                TrunkTransport.TLS, "user1", "pa;ss", null, null, List.of("OPUS", "alaw"), true, null, 10, true));

        assertThat(trunk.port()).isEqualTo(5061);
        assertThat(trunk.host()).isEqualTo("2001:db8::7");
        assertThat(trunk.codecs()).containsExactly("opus", "alaw");
        assertThat(trunk.passwordSet()).isTrue();
        assertThat(service.trunks()).extracting(Trunk::name).contains(name);
        assertThat(service.snapshot().trunks()).filteredOn(t -> t.name().equals(name)).singleElement()
                .satisfies(t -> assertThat(t.password()).isEqualTo("pa;ss"));
    }

    @Test
    void an_update_without_password_keeps_it_and_removing_the_username_drops_it() {
        Trunk trunk = newTrunk();

        Trunk updated = service.updateTrunk(trunk.id(), trunk.toDefinition());
        assertThat(updated.passwordSet()).isTrue();
        assertThat(password(trunk.name())).isEqualTo("pa;ss");

        service.updateTrunk(trunk.id(), trunk.toDefinition().withPassword("new-one"));
        assertThat(password(trunk.name())).isEqualTo("new-one");

        Trunk anonymous = service.updateTrunk(trunk.id(), trunk.toDefinition().withCredentials(null, null, false));
        assertThat(anonymous.passwordSet()).isFalse();
        assertThat(password(trunk.name())).isNull();
    }

    private String password(String trunkName) {
        return service.snapshot().trunks().stream().filter(t -> t.name().equals(trunkName)).findFirst()
                .orElseThrow().password();
    }

    @Test
    void an_invalid_or_duplicate_trunk_is_refused_with_every_field_named() {
        Trunk existing = newTrunk();

        assertThatThrownBy(() -> service.createTrunk(new TrunkDefinition("Bad Name", "not a host", 70000,
                TrunkTransport.UDP, null, null, null, null, List.of("mp3"), false, null, null, true)))
                .isInstanceOfSatisfying(PbxConfigValidationException.class, e -> assertThat(e.errors())
                        .extracting(PbxConfigValidationException.FieldError::field)
                        .containsExactly("name", "host", "port", "codecs"));
        assertThatThrownBy(() -> service.createTrunk(TrunkDefinition.of(existing.name(), "other.example")))
                .isInstanceOf(PbxConfigValidationException.class)
                .hasMessage("name: pbx.trunk-name-taken [" + existing.name() + "]");
        Trunk other = service.createTrunk(TrunkDefinition.of(name(), "other.example"));
        assertThatThrownBy(() -> service.updateTrunk(other.id(), TrunkDefinition.of(existing.name(), "x.example")))
                .isInstanceOf(PbxConfigValidationException.class).hasMessageContaining("pbx.trunk-name-taken");
        assertThatThrownBy(() -> service.updateTrunk(-1, TrunkDefinition.of(name(), "x.example")))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("pbx.trunk-not-found"));
    }

    @Test
    void dids_are_stored_in_e164_once_and_on_an_existing_trunk() {
        Trunk trunk = newTrunk();
        String number = number();

        Did did = service.createDid(DidDefinition.ivr(number.replace("+33", "0"), trunk.id(), "Support"));

        assertThat(did.number()).isEqualTo(number);
        assertThat(did.trunkName()).isEqualTo(trunk.name());
        assertThat(did.target()).isEqualTo("ivr");
        assertThat(service.dids()).extracting(Did::number).contains(number);
        assertThatThrownBy(() -> service.createDid(DidDefinition.ivr(number, trunk.id(), null)))
                .isInstanceOf(PbxConfigValidationException.class)
                .hasMessage("number: pbx.did-taken [" + number + "]");
        assertThatThrownBy(() -> service.createDid(DidDefinition.ivr(number(), 999_999, null)))
                .isInstanceOf(PbxConfigValidationException.class).hasMessage("trunk: pbx.trunk-not-found [999999]");
        assertThatThrownBy(() -> service.createDid(DidDefinition.ivr("123", trunk.id(), null)))
                .isInstanceOf(PbxConfigValidationException.class).hasMessageContaining("pbx.number-invalid");

        Did moved = service.updateDid(did.id(), new DidDefinition(number, trunk.id(), "Sales", DidTargetType.QUEUE,
                "sales", false));
        assertThat(moved).extracting(Did::targetType, Did::target, Did::enabled, Did::label)
                .containsExactly(DidTargetType.QUEUE, "sales", false, "Sales");
    }

    @Test
    void a_trunk_with_dids_cannot_be_deleted_until_they_are_gone() {
        Trunk trunk = newTrunk();
        Did did = service.createDid(DidDefinition.ivr(number(), trunk.id(), null));

        assertThatThrownBy(() -> service.deleteTrunk(trunk.id())).isInstanceOfSatisfying(EvsException.class, e -> {
            assertThat(e.code()).isEqualTo("pbx.trunk-has-dids");
            assertThat(e.args()).containsExactly(trunk.name(), 1L);
        });

        service.deleteDid(did.id());
        service.deleteTrunk(trunk.id());
        assertThat(service.trunks()).extracting(Trunk::id).doesNotContain(trunk.id());
        assertThatThrownBy(() -> service.deleteDid(did.id())).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("pbx.did-not-found"));
    }

    @Test
    void a_trunk_or_a_did_changed_since_it_was_read_is_refused_and_nothing_is_overwritten() {
        Trunk opened = newTrunk(); // what two admins opened
        Trunk first = service.updateTrunk(opened.id(), opened.version(), opened.toDefinition()
                .withCredentials("user1", null, true).onSite(opened.siteId()));
        assertThat(first.version()).isEqualTo(opened.version() + 1);
        TrunkDefinition second = new TrunkDefinition(opened.name(), "sip2.example.net", null, TrunkTransport.UDP,
                "user1", null, null, null, List.of("alaw"), true, null, null, true);

        assertThatThrownBy(() -> service.updateTrunk(opened.id(), opened.version(), second))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("trunk.version-mismatch");
                    assertThat(e.args()).containsExactly(opened.name(), opened.version(), first.version());
                });
        assertThatThrownBy(() -> service.deleteTrunk(opened.id(), opened.version()))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("trunk.version-mismatch"));
        assertThat(service.trunks()).filteredOn(t -> t.id() == opened.id()).singleElement()
                .satisfies(t -> assertThat(t.host()).isEqualTo("sip.example.net"))
                .satisfies(t -> assertThat(t.version()).isEqualTo(first.version()));
        assertThat(service.updateTrunk(opened.id(), first.version(), second).host()).isEqualTo("sip2.example.net");

        Did did = service.createDid(DidDefinition.ivr(number(), opened.id(), "Support"));
        Did relabelled = service.updateDid(did.id(), did.version(), new DidDefinition(did.number(), opened.id(),
                "Support 1", DidTargetType.IVR, "ivr", true));
        assertThat(relabelled.version()).isEqualTo(did.version() + 1);
        assertThatThrownBy(() -> service.updateDid(did.id(), did.version(), new DidDefinition(did.number(),
                opened.id(), "Support 2", DidTargetType.IVR, "ivr", true)))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("did.version-mismatch");
                    assertThat(e.args()).containsExactly(did.number(), did.version(), relabelled.version());
                });
        assertThatThrownBy(() -> service.deleteDid(did.id(), did.version()))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("did.version-mismatch"));
        assertThat(service.dids()).filteredOn(d -> d.id() == did.id()).singleElement()
                .satisfies(d -> assertThat(d.label()).isEqualTo("Support 1"));

        service.deleteDid(did.id(), relabelled.version());
        assertThat(service.dids()).extracting(Did::id).doesNotContain(did.id());
    }

    @Test
    void what_the_service_stores_renders_and_passes_the_applier_validation() {
        Trunk trunk = newTrunk();
        service.createDid(DidDefinition.ivr(number(), trunk.id(), "Line"));

        PbxConfigSnapshot snapshot = service.snapshot();

        assertThat(AsteriskConfigApplier.validate(snapshot, AsteriskConfigRenderer.Options.defaults())).isEmpty();
        assertThat(new AsteriskConfigRenderer(AsteriskConfigRenderer.Options.defaults()).render(snapshot)
                .get(AsteriskConfigRenderer.PJSIP_FILE)).contains("[" + trunk.name() + "-reg]\n")
                .contains("password=pa\\;ss\n");
    }

    @Test
    void a_trunk_password_is_sealed_in_the_table_and_opened_only_to_render_pjsip() {
        Trunk trunk = newTrunk();

        String stored = jdbc.queryForObject("SELECT password FROM sip_trunk WHERE id = ?", String.class, trunk.id());
        assertThat(stored).startsWith("enc:v1:").doesNotContain("pa;ss");
        assertThat(trunk.siteId()).isEqualTo(jdbc.queryForObject("SELECT id FROM site WHERE code = 'main'",
                Long.class));
        PbxConfigSnapshot site = service.snapshot(trunk.siteId());
        assertThat(new AsteriskConfigRenderer(AsteriskConfigRenderer.Options.defaults()).render(site)
                .get(AsteriskConfigRenderer.PJSIP_FILE)).contains("[" + trunk.name() + "-auth]")
                .contains("password=pa\\;ss\n");
    }

    @Test
    void a_password_stored_in_clear_before_sealing_is_sealed_at_start_and_still_renders() {
        Trunk trunk = newTrunk();
        jdbc.update("UPDATE sip_trunk SET password = 'old-clear' WHERE id = ?", trunk.id());

        sealer.sealClearPasswords();

        assertThat(jdbc.queryForObject("SELECT password FROM sip_trunk WHERE id = ?", String.class, trunk.id()))
                .startsWith("enc:v1:");
        assertThat(password(trunk.name())).isEqualTo("old-clear");
    }
}
