package com.evscallpro.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The simulated Asterisk's answers, command by command, without a socket. */
class SimAgiSessionTest {

    private final List<String> wire = new CopyOnWriteArrayList<>();

    private SimAgiSession session(SimAgiCall call) {
        return new SimAgiSession(call.timeScale(0.001), "PJSIP/trunk-00000001", "1.1", wire::addAll);
    }

    private List<String> run(SimAgiSession s, String... commands) throws Exception {
        for (String c : commands) {
            s.execute(c);
        }
        return wire;
    }

    @Test
    void get_data_returns_the_digits_typed_before_the_timeout_with_the_timeout_marker() throws Exception {
        SimAgiSession s = session(SimAgiCall.toDid("100").pressDuring(1, "12"));
        assertThat(run(s, "GET DATA prompt 2000 4")).containsExactly("200 result=12 (timeout)");
    }

    @Test
    void get_data_stops_at_max_digits_and_keeps_the_rest_as_type_ahead() throws Exception {
        SimAgiSession s = session(SimAgiCall.toDid("100").pressDuring(1, "1234"));
        assertThat(run(s, "GET DATA prompt 2000 2", "WAIT FOR DIGIT 100", "WAIT FOR DIGIT 100", "WAIT FOR DIGIT 100"))
                .containsExactly("200 result=12", "200 result=51", "200 result=52", "200 result=0");
    }

    @Test
    void stream_file_drops_digits_that_are_not_escape_digits_and_plays_to_the_end() throws Exception {
        SimAgiSession s = session(SimAgiCall.toDid("100").pressDuring(1, "5").sound("hello", Duration.ofMillis(500)));
        assertThat(run(s, "STREAM FILE hello \"12\"", "WAIT FOR DIGIT 0"))
                .containsExactly("200 result=0 endpos=4000", "200 result=0");
    }

    @Test
    void hangup_during_a_media_command_is_minus_one_then_the_hangup_line_then_dead_channel_rules() throws Exception {
        SimAgiSession s = session(SimAgiCall.toDid("100").hangUpDuring(2, Duration.ofMillis(200)));
        assertThat(run(s, "ANSWER", "STREAM FILE hello \"\"", "SAY NUMBER 12 \"\"", "GET VARIABLE CHANNEL",
                "SET VARIABLE A 1", "EXEC Playback hello", "VERBOSE \"x\" 1", "DATABASE GET f k", "CHANNEL STATUS",
                "HANGUP")).containsExactly("200 result=0", "200 result=-1 endpos=1600", "HANGUP",
                SimAgiSession.DEAD, "200 result=1 (PJSIP/trunk-00000001)", "200 result=1", "200 result=0",
                "200 result=1", "200 result=0", SimAgiSession.DEAD, SimAgiSession.DEAD);
        assertThat(s.callerHungUp()).isTrue();
    }

    @Test
    void hangup_scheduled_during_a_quick_command_follows_its_reply() throws Exception {
        SimAgiSession s = session(SimAgiCall.toDid("100").hangUpDuring(1));
        assertThat(run(s, "SET VARIABLE A 1")).containsExactly("200 result=1", "HANGUP");
    }

    @Test
    void caller_hanging_up_while_idle_sends_the_hangup_line_at_once_and_only_once() throws Exception {
        SimAgiSession s = session(SimAgiCall.toDid("100"));
        s.hangUpNow();
        s.hangUpNow();
        assertThat(run(s, "ANSWER")).containsExactly("HANGUP", SimAgiSession.DEAD);
    }

    @Test
    void caller_hanging_up_during_an_endless_wait_ends_it_with_minus_one() throws Exception {
        SimAgiSession s = session(SimAgiCall.toDid("100"));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                s.execute("WAIT FOR DIGIT -1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(running).isNotDone();
        s.hangUpNow();
        running.get(15, TimeUnit.SECONDS);
        assertThat(wire).containsExactly("200 result=-1", "HANGUP");
    }

    @Test
    void unknown_commands_bad_syntax_and_unknown_applications() throws Exception {
        SimAgiSession s = session(SimAgiCall.toDid("100"));
        assertThat(run(s, "FOOBAR", "", "SAY DIGITS", "EXEC NoSuchApp x", "exec wait 0.1", "noop"))
                .containsExactly(SimAgiSession.UNKNOWN, SimAgiSession.UNKNOWN, SimAgiSession.USAGE_START,
                        "Usage: SAY DIGITS (see 'agi show commands')", SimAgiSession.USAGE_END, "200 result=-2",
                        "200 result=0", "200 result=0");
    }

    @Test
    void dial_sets_dialstatus_and_channel_status_follows_answer() throws Exception {
        SimAgiSession s = session(SimAgiCall.toDid("100").dialOutcome("BUSY", Duration.ZERO));
        assertThat(run(s, "CHANNEL STATUS", "ANSWER", "CHANNEL STATUS", "EXEC Dial PJSIP/2000,20",
                "GET VARIABLE DIALSTATUS", "GET FULL VARIABLE \"${CALLERID(all)} ${NOPE}|\""))
                .containsExactly("200 result=4", "200 result=0", "200 result=6", "200 result=0",
                        "200 result=1 (BUSY)", "200 result=1 (\"unknown\" <unknown> |)");
    }

    @Test
    void arguments_are_split_like_asterisk() {
        assertThat(SimAgiSession.parseArgs("SET VARIABLE X \"a \\\"b\\\" c\"")).containsExactly("SET", "VARIABLE",
                "X", "a \"b\" c");
        assertThat(SimAgiSession.parseArgs("SAY DIGITS 42 \"\"")).containsExactly("SAY", "DIGITS", "42", "");
        assertThat(SimAgiSession.parseArgs("  NOOP  ")).containsExactly("NOOP");
    }

    @Test
    void environment_has_the_capture_keys_in_order_then_the_arguments() {
        SimAgiCall call = SimAgiCall.toDid("0140000000").callerId("0612345678", "Alice").args("a", "b c")
                .scriptParameter("EVS_CALL_ID", "c-1").threadId("7");
        List<String> env = new SimAgiSession(call, "PJSIP/trunk-0000002a", "9.9", l -> { }).environment("h:1");
        assertThat(env.stream().map(l -> l.substring(0, l.indexOf(':'))).toList()).containsExactly("agi_network",
                "agi_network_script", "agi_request", "agi_channel", "agi_language", "agi_type", "agi_uniqueid",
                "agi_version", "agi_callerid", "agi_calleridname", "agi_callingpres", "agi_callingani2",
                "agi_callington", "agi_callingtns", "agi_dnid", "agi_rdnis", "agi_context", "agi_extension",
                "agi_priority", "agi_enhanced", "agi_accountcode", "agi_threadid", "agi_arg_1", "agi_arg_2");
        assertThat(env).contains("agi_network_script: ivr?EVS_CALL_ID=c-1",
                "agi_request: agi://h:1/ivr?EVS_CALL_ID=c-1", "agi_dnid: 0140000000", "agi_accountcode: ",
                "agi_version: 22.10.1", "agi_arg_2: b c");
    }
}
