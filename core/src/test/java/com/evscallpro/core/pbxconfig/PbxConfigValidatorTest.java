package com.evscallpro.core.pbxconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.pbxconfig.PbxConfigValidationException.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What may end up in a generated Asterisk file, field by field; every refusal names its field. */
class PbxConfigValidatorTest {

    private static List<FieldError> check(TrunkDefinition t) {
        return PbxConfigValidator.check(PbxConfigValidator.normalize(t));
    }

    private static List<FieldError> check(DidDefinition d) {
        return PbxConfigValidator.check(PbxConfigValidator.normalize(d));
    }

    private static TrunkDefinition trunk(String name, String host, Integer port, List<String> codecs) {
        return new TrunkDefinition(name, host, port, TrunkTransport.UDP, null, null, null, null, codecs, false,
                null, null, true);
    }

    @Test
    void a_well_formed_trunk_passes_and_is_normalized() {
        TrunkDefinition t = PbxConfigValidator.normalize(new TrunkDefinition(" main_1 ", " [2001:db8::1] ", null,
                TrunkTransport.TLS, " user ", "pw", "  ", null, List.of(" ALAW", "ulaw "), true, " ", null, true));

        assertThat(PbxConfigValidator.check(t)).isEmpty();
        assertThat(t.name()).isEqualTo("main_1");
        assertThat(t.host()).isEqualTo("2001:db8::1");
        assertThat(t.port()).isEqualTo(5061);
        assertThat(t.username()).isEqualTo("user");
        assertThat(t.fromUser()).isNull();
        assertThat(t.outboundProxy()).isNull();
        assertThat(t.codecs()).containsExactly("alaw", "ulaw");
        assertThat(check(Fixtures.orange())).isEmpty();
        assertThat(check(Fixtures.ovh())).isEmpty();
    }

    @Test
    void a_bad_trunk_name_is_refused_with_the_rule() {
        for (String bad : List.of("Main", "my trunk", "a]b", "x".repeat(41), "trunk;evil", "é")) {
            assertThat(check(trunk(bad, "sip.example.net", 5060, List.of("alaw"))))
                    .as(bad).extracting(FieldError::field).containsExactly("name");
        }
        assertThat(check(trunk(null, "sip.example.net", 5060, List.of("alaw"))))
                .containsExactly(new FieldError("name", "pbx.name-required"));
        assertThat(check(trunk("Main", "h.example", 5060, List.of("alaw"))))
                .containsExactly(new FieldError("name", "pbx.name-unsafe", "Main"));
    }

    @Test
    void a_trunk_name_that_would_collide_with_generated_sections_is_refused() {
        assertThat(check(trunk("orange-auth", "h.example", 5060, List.of("alaw"))))
                .containsExactly(new FieldError("name", "pbx.name-suffix", "orange-auth", "-auth"));
        assertThat(check(trunk("x-reg", "h.example", 5060, List.of("alaw")))).extracting(FieldError::field)
                .containsExactly("name");
        assertThat(check(trunk("global", "h.example", 5060, List.of("alaw"))))
                .containsExactly(new FieldError("name", "pbx.name-reserved", "global"));
    }

    @Test
    void hosts_are_host_names_ipv4_or_ipv6_and_nothing_else() {
        for (String good : List.of("sip.example.net", "localhost", "a-b.c0", "192.0.2.1", "0.0.0.0", "::1",
                "2001:db8::5", "fe80::1:2:3:4")) {
            assertThat(PbxConfigValidator.isHost(good)).as(good).isTrue();
        }
        for (String bad : List.of("", "sip example", "-bad.example", "bad-.example", "a..b", "256.1.1.1",
                "1.2.3", "01.2.3.4", "1.2.3.4.5", "2001:db8::g", "1:2:3:4:5:6:7:8:9", "host;transport=tcp",
                "host\nx", "h_st.example", "x".repeat(64) + ".example", "1.2.3.4]")) {
            assertThat(PbxConfigValidator.isHost(bad)).as(bad).isFalse();
        }
        assertThat(check(trunk("t", "sip example", 5060, List.of("alaw"))))
                .containsExactly(new FieldError("host", "pbx.host-invalid", "sip example"));
        assertThat(check(trunk("t", null, 5060, List.of("alaw")))).extracting(FieldError::field)
                .containsExactly("host");
    }

    @Test
    void ports_are_between_1_and_65535() {
        assertThat(check(trunk("t", "h.example", 0, List.of("alaw"))))
                .containsExactly(new FieldError("port", "pbx.port-range", 0));
        assertThat(check(trunk("t", "h.example", 65536, List.of("alaw")))).extracting(FieldError::field)
                .containsExactly("port");
        assertThat(check(trunk("t", "h.example", 65535, List.of("alaw")))).isEmpty();
        assertThat(check(trunk("t", "h.example", 1, List.of("alaw")))).isEmpty();
    }

    @Test
    void codecs_come_from_the_known_list_once_each_and_at_least_one() {
        assertThat(check(trunk("t", "h.example", 5060, List.of("alaw", "mp3")))).containsExactly(new FieldError(
                "codecs", "pbx.codec-unknown", "mp3", "ulaw, alaw, g722, g729, opus, gsm, g726, ilbc, speex, slin, "
                        + "h264, vp8"));
        assertThat(check(trunk("t", "h.example", 5060, List.of("alaw", "ALAW"))))
                .containsExactly(new FieldError("codecs", "pbx.codec-twice", "alaw"));
        assertThat(check(trunk("t", "h.example", 5060, List.of())))
                .containsExactly(new FieldError("codecs", "pbx.codecs-required"));
        assertThat(check(trunk("t", "h.example", 5060, List.of("alaw,ulaw")))).extracting(FieldError::field)
                .containsExactly("codecs");
    }

    @Test
    void credentials_go_together_and_a_password_cannot_break_its_line() {
        TrunkDefinition base = trunk("t", "h.example", 5060, List.of("alaw"));
        assertThat(check(base.withCredentials("user", null, false)))
                .containsExactly(new FieldError("password", "pbx.password-required"));
        assertThat(check(base.withCredentials(null, null, true))).extracting(FieldError::field)
                .containsExactly("username");
        assertThat(check(base.withCredentials("us er", "pw", false))).extracting(FieldError::field)
                .containsExactly("username");
        assertThat(check(base.withCredentials("user", "pw\n[evil]", false))).extracting(FieldError::code)
                .containsExactly("pbx.password-control");
        assertThat(check(base.withCredentials("user", " pw", false))).extracting(FieldError::field)
                .containsExactly("password");
        assertThat(check(base.withCredentials("user", "p;w#[x]!", false))).isEmpty();
    }

    @Test
    void outbound_proxy_from_domain_and_channel_limit_are_checked() {
        TrunkDefinition t = new TrunkDefinition("t", "h.example", 5060, TrunkTransport.UDP, null, null,
                "bad user", "bad domain", List.of("alaw"), false, "proxy:99999", 0, true);

        assertThat(check(t)).extracting(FieldError::field)
                .containsExactly("fromUser", "fromDomain", "outboundProxy", "maxChannels");
        for (String good : List.of("proxy.example", "proxy.example:5070", "[2001:db8::1]:5060", "192.0.2.1")) {
            assertThat(PbxConfigValidator.HostPort.parse(good)).as(good).isPresent();
        }
        for (String bad : List.of("2001:db8::1", "[2001:db8::1", "proxy:", "proxy:x", "[proxy]:5060")) {
            assertThat(PbxConfigValidator.HostPort.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void did_numbers_are_read_by_libphonenumber_and_stored_in_e164() {
        DidDefinition national = PbxConfigValidator.normalize(DidDefinition.ivr("01 23 45 67 89", 1, null));

        assertThat(national.number()).isEqualTo("+33123456789");
        assertThat(PbxConfigValidator.check(national)).isEmpty();
        assertThat(PbxConfigValidator.normalize(DidDefinition.ivr("+44 20 7946 0958", 1, null)).number())
                .isEqualTo("+442079460958");
        assertThat(check(DidDefinition.ivr("12345", 1, null))).containsExactly(new FieldError("number",
                "pbx.number-invalid", "12345"));
        assertThat(check(DidDefinition.ivr("+33 1 23 45 67 89 0 1", 1, null))).extracting(FieldError::field)
                .containsExactly("number");
        assertThat(check(DidDefinition.ivr(" ", 1, null)))
                .containsExactly(new FieldError("number", "pbx.number-required"));
    }

    @Test
    void did_targets_follow_their_type_and_an_ivr_without_target_runs_the_default_script() {
        assertThat(PbxConfigValidator.normalize(new DidDefinition("+33123456789", 1, null, DidTargetType.IVR, " ",
                true)).target()).isEqualTo("ivr");
        assertThat(check(new DidDefinition("+33123456789", 1, null, DidTargetType.IVR, "flows/sales-2", true)))
                .isEmpty();
        assertThat(check(new DidDefinition("+33123456789", 1, null, DidTargetType.IVR, "ivr?x=1", true)))
                .extracting(FieldError::field).containsExactly("target");
        assertThat(check(new DidDefinition("+33123456789", 1, null, DidTargetType.QUEUE, "sales,t", true)))
                .extracting(FieldError::field).containsExactly("target");
        assertThat(check(new DidDefinition("+33123456789", 1, null, DidTargetType.EXTENSION, "20a1", true)))
                .containsExactly(new FieldError("target", "pbx.target-extension-invalid", "20a1"));
        assertThat(check(new DidDefinition("+33123456789", 1, "two\nlines", DidTargetType.QUEUE, "q", true)))
                .extracting(FieldError::field).containsExactly("label");
    }

    @Test
    void the_exception_message_lists_every_field() {
        PbxConfigValidationException e = new PbxConfigValidationException(
                check(trunk("Bad", "h h", 0, List.of("mp3"))));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("name", "host", "port", "codecs");
        assertThat(e.getMessage()).startsWith("name: pbx.name-unsafe [Bad]").contains("; host: pbx.host-invalid [h h]");
        assertThat(e.code()).isEqualTo("pbx.invalid");
        assertThat(e.errorOn("port")).contains("pbx.port-range");
        assertThat(e.errorOn("username")).isEmpty();
    }
}
