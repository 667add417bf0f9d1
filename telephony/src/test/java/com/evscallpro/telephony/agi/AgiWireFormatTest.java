package com.evscallpro.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The reply parser and the command builder, on raw wire lines (every shape of the captures and res_agi.c). */
class AgiWireFormatTest {

    private static AgiReply parse(String... lines) {
        return AgiReply.parse(List.of(lines));
    }

    @Test
    void plain_result() {
        AgiReply r = parse("200 result=0");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.resultCode()).isZero();
        assertThat(r.data()).isNull();
        assertThat(r.attributes()).isEmpty();
    }

    @Test
    void stream_file_stopped_by_dtmf_has_the_digit_code_and_endpos() {
        AgiReply r = parse("200 result=49 endpos=5280");
        assertThat(r.resultCode()).isEqualTo('1');
        assertThat(r.endpos()).isEqualTo(5280);
    }

    @Test
    void missing_file_is_minus_one_with_endpos_zero() {
        AgiReply r = parse("200 result=-1 endpos=0");
        assertThat(r.resultCode()).isEqualTo(-1);
        assertThat(r.endpos()).isZero();
    }

    @Test
    void get_data_timeout_has_an_empty_result_and_timeout_data() {
        AgiReply r = parse("200 result= (timeout)");
        assertThat(r.result()).isEmpty();
        assertThat(r.data()).isEqualTo("timeout");
        AgiReply partial = parse("200 result=12 (timeout)");
        assertThat(partial.result()).isEqualTo("12");
        assertThat(partial.data()).isEqualTo("timeout");
    }

    @Test
    void variable_value_in_parentheses_keeps_spaces_and_parentheses() {
        assertThat(parse("200 result=1 (Local/125@from-test-00000015;2)").data())
                .isEqualTo("Local/125@from-test-00000015;2");
        assertThat(parse("200 result=1 (a (b) c)").data()).isEqualTo("a (b) c");
        assertThat(parse("200 result=1 ()").data()).isEmpty();
        assertThat(parse("200 result=1 (x=1) y)").data()).isEqualTo("x=1) y");
    }

    @Test
    void record_file_reason_and_endpos() {
        AgiReply r = parse("200 result=35 (dtmf) endpos=32000");
        assertThat(r.resultCode()).isEqualTo('#');
        assertThat(r.data()).isEqualTo("dtmf");
        assertThat(r.attributes()).isEqualTo(Map.of("endpos", "32000"));
    }

    @Test
    void error_statuses_keep_their_text() {
        assertThat(parse("510 Invalid or unknown command").text()).isEqualTo("Invalid or unknown command");
        AgiReply dead = parse("511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(dead.status()).isEqualTo(AgiReply.DEAD_CHANNEL);
        assertThat(dead.result()).isNull();
        AgiReply usage = parse("520-Invalid command syntax.  Proper usage follows:", "usage",
                "520 End of proper usage.");
        assertThat(usage.status()).isEqualTo(AgiReply.USAGE);
        assertThat(usage.lines()).hasSize(3);
        assertThatThrownBy(usage::resultCode).isInstanceOf(AgiCommandException.class);
    }

    @Test
    void non_reply_lines_are_rejected() {
        assertThatThrownBy(() -> parse("garbage")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("20 result=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void words_are_bare_when_plain_and_quoted_when_needed() {
        assertThat(AgiCommands.word("test-tone")).isEqualTo("test-tone");
        assertThat(AgiCommands.word("${CALLERID(num)}")).isEqualTo("${CALLERID(num)}");
        assertThat(AgiCommands.word("")).isEqualTo("\"\"");
        assertThat(AgiCommands.word("two words")).isEqualTo("\"two words\"");
        assertThat(AgiCommands.word("say \"hi\" \\o/")).isEqualTo("\"say \\\"hi\\\" \\\\o/\"");
        assertThat(AgiCommands.digits("0123456789*#")).isEqualTo("\"0123456789*#\"");
        assertThat(AgiCommands.digits("")).isEqualTo("\"\"");
    }

    @Test
    void line_breaks_and_non_dtmf_escape_digits_are_refused() {
        assertThatThrownBy(() -> AgiCommands.word("a\nHANGUP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgiCommands.quoted("a\rb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgiCommands.digits("12x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dead_channel_commands_follow_res_agi() {
        assertThat(AgiCommands.worksWhenDead("GET VARIABLE X")).isTrue();
        assertThat(AgiCommands.worksWhenDead("get full variable ${X}")).isTrue();
        assertThat(AgiCommands.worksWhenDead("SET VARIABLE X 1")).isTrue();
        assertThat(AgiCommands.worksWhenDead("EXEC Playback x")).isTrue();
        assertThat(AgiCommands.worksWhenDead("VERBOSE \"x\" 1")).isTrue();
        assertThat(AgiCommands.worksWhenDead("SAY DIGITS 42 \"\"")).isFalse();
        assertThat(AgiCommands.worksWhenDead("HANGUP")).isFalse();
        assertThat(AgiCommands.worksWhenDead("CHANNEL STATUS")).isFalse();
    }

    @Test
    void request_reads_script_query_and_arguments() {
        java.util.LinkedHashMap<String, String> env = new java.util.LinkedHashMap<>();
        env.put("network_script", "ivr/main?EVS_CALL_ID=c%2D1&lang=fr");
        env.put("request", "agi://app:4573/ivr/main?EVS_CALL_ID=c%2D1&lang=fr");
        env.put("uniqueid", "1.2");
        env.put("arg_2", "second");
        env.put("arg_1", "first");
        env.put("dnid", "unknown");
        env.put("extension", "0140000000");
        AgiRequest r = AgiRequest.of(env);
        assertThat(r.script()).isEqualTo("ivr/main");
        assertThat(r.parameters()).containsExactly(Map.entry("EVS_CALL_ID", "c-1"), Map.entry("lang", "fr"));
        assertThat(r.args()).containsExactly("first", "second");
        assertThat(r.did()).isEqualTo("0140000000");
    }
}
