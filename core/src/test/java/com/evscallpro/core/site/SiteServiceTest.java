package com.evscallpro.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sites with their connections on the embedded PostgreSQL: secrets sealed at rest, validation, locking, audit. */
@SpringBootTest(classes = DataServicesTestApplication.class)
class SiteServiceTest {

    @Autowired SiteService service;
    @Autowired JdbcTemplate jdbc;

    private static String code() {
        return "s" + UUID.randomUUID().toString().substring(0, 8);
    }

    private SiteDetails newSite(String code) {
        return service.create(SiteDefinition.asterisk(code, "Site " + code, List.of(
                AmiServerSettings.of("ast-1", "10.0.0.1", 5038, "evs", "ami-clear-secret-1"),
                AmiServerSettings.of("ast-2", "10.0.0.2", 5039, "evs", "ami-clear-secret-2"))));
    }

    @Test
    void an_ami_secret_is_stored_sealed_never_returned_and_opened_for_the_router_only() {
        SiteDetails site = newSite(code());

        List<String> stored = jdbc.queryForList("SELECT secret FROM site_ami_server WHERE site_id = ? ORDER BY position",
                String.class, site.id());
        assertThat(stored).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("enc:v1:")
                .doesNotContain("ami-clear-secret"));
        assertThat(site.amiServers()).allSatisfy(s -> {
            assertThat(s.secret()).isNull();
            assertThat(s.secretSet()).isTrue();
        });
        assertThat(service.get(site.id()).toString()).doesNotContain("ami-clear-secret");
        assertThat(service.connection(site.id()).orElseThrow().amiServers()).extracting(AmiServerSettings::secret)
                .containsExactly("ami-clear-secret-1", "ami-clear-secret-2");
        String audit = jdbc.queryForObject("SELECT after::text FROM audit_log WHERE entity = 'site' AND entity_id = ?",
                String.class, String.valueOf(site.id()));
        assertThat(audit).contains("ast-2").doesNotContain("ami-clear-secret").doesNotContain("enc:v1");
    }

    @Test
    void an_update_without_secret_keeps_it_and_a_stale_version_is_refused() {
        SiteDetails site = newSite(code());
        SiteDefinition edit = site.toDefinition();
        SiteDefinition renamed = new SiteDefinition(edit.code(), "Renamed", edit.timeZone(), edit.pbxMode(), true,
                edit.amiServers().subList(0, 1), null);

        SiteDetails updated = service.update(site.id(), site.version(), renamed);

        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(updated.version()).isEqualTo(site.version() + 1);
        assertThat(service.connection(site.id()).orElseThrow().amiServers()).extracting(AmiServerSettings::secret)
                .containsExactly("ami-clear-secret-1");
        assertThatThrownBy(() -> service.update(site.id(), site.version(), renamed))
                .isInstanceOf(EvsException.class).extracting(e -> ((EvsException) e).code())
                .isEqualTo("site.version-mismatch");
        assertThatThrownBy(() -> service.delete(site.id(), site.version()))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("site.version-mismatch");
    }

    @Test
    void bad_input_is_refused_with_its_code_and_nothing_is_written() {
        String code = code();
        int before = service.count(null);

        assertThat(codeOf(SiteDefinition.asterisk("Bad Code", "x", List.of()))).isEqualTo("site.code-invalid");
        assertThat(codeOf(SiteDefinition.asterisk(code, "x", List.of()))).isEqualTo("site.ami-server-required");
        assertThat(codeOf(SiteDefinition.asterisk(code, "x", List.of(
                AmiServerSettings.of("a", "evil host\n", 5038, "u", "s"))))).isEqualTo("site.ami-host-invalid");
        assertThat(codeOf(SiteDefinition.asterisk(code, "x", List.of(
                AmiServerSettings.of("a", "h", 5038, "u", null))))).isEqualTo("site.ami-secret-required");
        assertThat(codeOf(SiteDefinition.asterisk(code, "x", List.of(AmiServerSettings.of("a", "h", 5038, "u", "s"),
                AmiServerSettings.of("a", "h2", 5038, "u", "s"))))).isEqualTo("site.ami-server-id-duplicate");
        assertThat(codeOf(new SiteDefinition(code, "x", "Mars/Olympus", PbxMode.ASTERISK_AMI, false, null, null)))
                .isEqualTo("site.time-zone-invalid");
        assertThat(codeOf(new SiteDefinition(code, "x", null, PbxMode.YEASTAR_API, true, null,
                new YeastarConnection("ftp://pbx", "id", "secret", false, null, null, null))))
                .isEqualTo("site.yeastar-url-invalid");
        assertThat(codeOf(SiteDefinition.asterisk("main", "x", List.of(AmiServerSettings.of("a", "h", 5038, "u",
                "s"))))).isEqualTo("site.code-taken");

        assertThat(service.count(null)).isEqualTo(before);
    }

    @Test
    void a_yeastar_client_secret_is_sealed_too() {
        SiteDetails site = service.create(new SiteDefinition(code(), "Yeastar", "Europe/Paris", PbxMode.YEASTAR_API,
                true, null, new YeastarConnection("https://pbx.example.net:8088", "client", "yeastar-clear",
                false, "AGENT_FIRST", true, null)));

        assertThat(jdbc.queryForObject("SELECT yeastar_client_secret FROM site WHERE id = ?", String.class, site.id()))
                .startsWith("enc:v1:").doesNotContain("yeastar-clear");
        assertThat(site.yeastar().clientSecret()).isNull();
        assertThat(site.yeastar().clientSecretSet()).isTrue();
        assertThat(service.connection(site.id()).orElseThrow().yeastar().clientSecret()).isEqualTo("yeastar-clear");
    }

    @Test
    void a_site_with_users_or_trunks_or_the_main_site_is_not_deleted_and_an_empty_one_is() {
        SiteDetails main = service.list("main", "code", true, 0, 10).stream().filter(s -> s.code().equals("main"))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> service.delete(main.id(), main.version()))
                .extracting(e -> ((EvsException) e).code()).isEqualTo("site.cannot-delete-in-use");

        SiteDetails empty = newSite(code());
        service.delete(empty.id(), empty.version());
        assertThatThrownBy(() -> service.get(empty.id())).extracting(e -> ((EvsException) e).code())
                .isEqualTo("site.not-found");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM site_ami_server WHERE site_id = ?", Integer.class,
                empty.id())).isZero();
    }

    private String codeOf(SiteDefinition d) {
        try {
            service.create(d);
        } catch (EvsException e) {
            return e.code();
        }
        throw new AssertionError("accepted: " + d);
    }
}
