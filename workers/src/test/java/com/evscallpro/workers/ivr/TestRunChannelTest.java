package com.evscallpro.workers.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.telephony.agi.AgiHangupException;
import com.evscallpro.telephony.agi.GetDataResult;
import com.evscallpro.telephony.agi.StreamResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The test call's channel: keys from the keypad, Asterisk's input rules, timeouts, and the caller hanging up. */
class TestRunChannelTest {

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final TestRunChannel channel = new TestRunChannel("test-1", "+33612345678", "+33155550000", "fr",
            new TestRunChannel.Listener() {
                @Override
                public void prompt(String file) {
                    heard.add("prompt " + file);
                }

                @Override
                public void said(String digits) {
                    heard.add("said " + digits);
                }

                @Override
                public void collected(String keys) {
                    heard.add("keys " + keys);
                }

                @Override
                public void noInput(long timeoutMs) {
                    heard.add("no input " + timeoutMs);
                }
            });

    @Test
    void the_request_carries_the_simulated_call() {
        assertThat(channel.request().callerId()).isEqualTo("+33612345678");
        assertThat(channel.request().did()).isEqualTo("+33155550000");
        assertThat(channel.request().language()).isEqualTo("fr");
        assertThat(channel.name()).isEqualTo("Test/test-1");
    }

    @Test
    void an_input_takes_the_keys_up_to_the_hash_or_the_maximum_and_reports_them() {
        channel.press("12#9");
        GetDataResult r = channel.getData("evs/menu", 1000, 5);
        assertThat(r.digits()).isEqualTo("12");
        assertThat(r.timedOut()).isFalse();
        assertThat(channel.getData("evs/menu", 1000, 1).digits()).isEqualTo("9");
        assertThat(heard).containsExactly("prompt evs/menu", "keys 12", "prompt evs/menu", "keys 9");
    }

    @Test
    void silence_lasts_the_input_timeout_then_reads_as_no_input() {
        long t0 = System.nanoTime();
        GetDataResult r = channel.getData("evs/menu", 400, 1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(390);
        assertThat(r.isEmpty()).isTrue();
        assertThat(heard).containsExactly("prompt evs/menu", "no input 400");
    }

    @Test
    void a_prompt_is_interrupted_by_an_escape_key_and_other_keys_are_lost() {
        channel.press("5");
        StreamResult r = channel.streamFile("evs/hello", "0123456789*#");
        assertThat(r.interrupted()).isTrue();
        assertThat(r.digit()).isEqualTo('5');
        channel.press("7");
        assertThat(channel.streamFile("evs/hello", "").interrupted()).isFalse();
        assertThat(channel.getData("evs/menu", 200, 1).isEmpty()).as("7 was lost during the prompt").isTrue();
    }

    @Test
    void the_caller_hanging_up_ends_a_waiting_input_and_every_later_command() throws Exception {
        var waiting = Executors.newSingleThreadExecutor().submit(() -> channel.getData("evs/menu", 30_000, 1));
        Thread.sleep(200);
        channel.hangup();
        assertThatThrownBy(() -> waiting.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(AgiHangupException.class);
        assertThatThrownBy(() -> channel.streamFile("evs/hello", "")).isInstanceOf(AgiHangupException.class);
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(() -> channel.press("1a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> channel.exec("Dial", "PJSIP/1@x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
