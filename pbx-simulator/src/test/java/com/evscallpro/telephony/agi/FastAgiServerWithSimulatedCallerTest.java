package com.evscallpro.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.telephony.CallEvent;
import com.evscallpro.simulator.FastAgiCaller;
import com.evscallpro.simulator.PlacedAgiCall;
import com.evscallpro.simulator.SimAgiCall;
import com.evscallpro.simulator.SimAgiCallResult;

/** Our FastAGI server and the simulated Asterisk FastAGI client over TCP. */
class FastAgiServerWithSimulatedCallerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FastAgiServer server;
    private FastAgiCaller asterisk;
    private final RecordingEvents events = new RecordingEvents();

    private FastAgiServer start(FastAgiSettings settings) {
        server = new FastAgiServer(settings.withPort(0));
        server.addListener(events);
        return server;
    }

    private FastAgiCaller caller() {
        if (asterisk == null) {
            asterisk = new FastAgiCaller("127.0.0.1", server.start().port());
        }
        return asterisk;
    }

    private static SimAgiCall inbound() {
        return SimAgiCall.toDid("0140000000").callerId("0612345678", "Alice").timeScale(0.01);
    }

    @AfterEach
    void stop() {
        if (asterisk != null) {
            asterisk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void assertNothingLeft() {
        await().atMost(WAIT).until(() -> server.openConnectionCount() == 0);
        assertThat(server.channels().size()).isZero();
        assertThat(server.availableChannelPermits()).isEqualTo(server.settings().maxChannels());
    }

    @Test
    void ivr_dialogue_answer_prompt_interrupted_by_dtmf_digits_timeout_variables_dial_and_hangup() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        start(FastAgiSettings.defaults()).register("ivr", ch -> {
            seen.add(ch.request().did());
            seen.add(ch.channelStatus());
            ch.answer();
            seen.add(ch.channelStatus());
            seen.add(ch.streamFile("ivr/welcome", "12"));
            seen.add(ch.getData("ivr/account", 3000, 6));
            seen.add(ch.getData("ivr/confirm", 2000, 1));
            ch.setVariable("EVS_CHOICE", "2");
            seen.add(ch.getVariable("EVS_CHOICE"));
            seen.add(ch.getFullVariable("${CALLERID(name)} on ${EXTEN}"));
            seen.add(ch.exec("Dial", "PJSIP/2000,20,tT"));
            seen.add(ch.getVariable("DIALSTATUS"));
            ch.hangup();
            seen.add(ch.isHungUp());
        });
        PlacedAgiCall call = caller().place(inbound()
                .pressDuring(4, "2")            // during the welcome prompt
                .pressDuring(5, "1234#")        // the account number
                .dialOutcome("ANSWER", Duration.ofSeconds(2)));
        SimAgiCallResult result = call.await(WAIT);

        assertThat(seen).containsExactly("0140000000", ChannelStatus.RINGING, ChannelStatus.UP,
                new StreamResult('2', 2400, false), new GetDataResult("1234", false), new GetDataResult("", true),
                Optional.of("2"), Optional.of("Alice on 0140000000"), 0, Optional.of("ANSWER"), true);
        assertThat(result.commands()).containsExactly("CHANNEL STATUS", "ANSWER", "CHANNEL STATUS",
                "STREAM FILE ivr/welcome \"12\"", "GET DATA ivr/account 3000 6", "GET DATA ivr/confirm 2000 1",
                "SET VARIABLE EVS_CHOICE 2", "GET VARIABLE EVS_CHOICE",
                "GET FULL VARIABLE \"${CALLERID(name)} on ${EXTEN}\"", "EXEC Dial PJSIP/2000,20,tT",
                "GET VARIABLE DIALSTATUS", "HANGUP");
        assertThat(result.replies()).endsWith("200 result=1", "HANGUP");
        assertThat(result.hungUp()).isTrue();
        assertThat(result.callerHungUp()).isFalse();
        assertThat(result.closedByServer()).isTrue();
        assertThat(result.failure()).isNull();
        await().atMost(WAIT).until(() -> events.of(call.uniqueId()).size() == 1);
        CallEvent hungUp = events.of(call.uniqueId()).get(0);
        assertThat(hungUp.type()).isEqualTo(CallEvent.Type.HUNG_UP);
        assertThat(hungUp.leg()).isEqualTo(CallEvent.Leg.CUSTOMER);
        assertThat(hungUp.channel()).isEqualTo(call.channel());
        assertNothingLeft();
    }

    @Test
    void caller_hanging_up_during_get_data_gets_a_typed_hangup_a_hung_up_event_and_a_closed_socket()
            throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        CompletableFuture<AgiChannel> channel = new CompletableFuture<>();
        start(FastAgiSettings.defaults()).register("ivr", ch -> {
            channel.complete(ch);
            ch.answer();
            try {
                ch.getData("ivr/menu", 5000, 1);
                thrown.complete(null);
            } catch (AgiException e) {
                thrown.complete(e);
                throw e;
            }
        });
        PlacedAgiCall call = caller().place(inbound().scriptParameter("EVS_CALL_ID", "call-7")
                .hangUpDuring(2, Duration.ofMillis(1500)));
        SimAgiCallResult result = call.await(WAIT);

        assertThat(thrown.get()).isInstanceOf(AgiHangupException.class);
        assertThat(((AgiHangupException) thrown.get()).reply().firstLine()).isEqualTo("200 result=-1");
        assertThat(result.replies()).containsExactly("200 result=0", "200 result=-1", "HANGUP");
        assertThat(result.callerHungUp()).isTrue();
        assertThat(result.closedByServer()).isTrue();
        assertThat(channel.get().completion().get()).isEqualTo(AgiEndReason.HUNG_UP);
        await().atMost(WAIT).until(() -> events.of("call-7").size() == 1);
        assertThat(events.of("call-7").get(0).uniqueId()).isEqualTo(call.uniqueId());
        assertNothingLeft();
    }

    @Test
    void caller_hanging_up_while_a_handed_over_channel_is_idle_is_noticed_at_once_and_the_socket_closed()
            throws Exception {
        CompletableFuture<AgiChannel> channel = new CompletableFuture<>();
        start(FastAgiSettings.defaults()).register("ivr", ch -> {
            ch.answer();
            channel.complete(ch.handOver()); // a worker would drive it; nobody sends anything now
        });
        PlacedAgiCall call = caller().place(inbound());
        AgiChannel ch = channel.get(15, TimeUnit.SECONDS);
        assertThat(ch.isOpen()).isTrue();
        call.hangUp();
        SimAgiCallResult result = call.await(WAIT);

        assertThat(result.replies()).containsExactly("200 result=0", "HANGUP");
        assertThat(result.closedByServer()).isTrue();
        assertThat(ch.completion().get()).isEqualTo(AgiEndReason.HUNG_UP);
        assertThat(ch.isHungUp()).isTrue();
        await().atMost(WAIT).until(() -> events.of(call.uniqueId()).size() == 1);
        assertThatThrownBy(() -> ch.streamFile("late", "")).isInstanceOf(AgiHangupException.class);
        assertNothingLeft();
    }

    @Test
    void unknown_script_path_is_logged_and_the_channel_hung_up_cleanly() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        start(FastAgiSettings.defaults()).register("ivr", ch -> handled.incrementAndGet());
        SimAgiCallResult result = caller().place(inbound().script("no-such-script")).await(WAIT);

        assertThat(handled).hasValue(0);
        assertThat(result.commands()).containsExactly("HANGUP");
        assertThat(result.replies()).containsExactly("200 result=1", "HANGUP");
        assertThat(result.hungUp()).isTrue();
        assertThat(result.closedByServer()).isTrue();
        assertNothingLeft();
    }

    @Test
    void five_hundred_concurrent_channels_are_served_and_the_ones_beyond_the_limit_refused_politely()
            throws Exception {
        int limit = 500;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        start(FastAgiSettings.defaults().withMaxChannels(limit)).register("ivr", ch -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                ch.answer();
                release.await();
                ch.setVariable("DONE", "1");
            } finally {
                concurrent.decrementAndGet();
            }
        });
        List<PlacedAgiCall> served = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            served.add(caller().place(inbound()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> server.activeChannelCount() == limit
                && concurrent.get() == limit);

        List<PlacedAgiCall> extra = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            extra.add(caller().place(inbound()));
        }
        for (PlacedAgiCall c : extra) {
            SimAgiCallResult r = c.await(WAIT);
            assertThat(r.commands()).containsExactly("SET VARIABLE EVS_AGI_STATUS BUSY");
            assertThat(r.variables()).containsEntry("EVS_AGI_STATUS", "BUSY");
            assertThat(r.hungUp()).isFalse();
            assertThat(r.closedByServer()).isTrue();
        }
        assertThat(server.refusedCount()).isEqualTo(20);
        assertThat(server.activeChannelCount()).isEqualTo(limit);

        release.countDown();
        for (PlacedAgiCall c : served) {
            SimAgiCallResult r = c.await(Duration.ofSeconds(60));
            assertThat(r.commands()).containsExactly("ANSWER", "SET VARIABLE DONE 1");
            assertThat(r.closedByServer()).isTrue();
        }
        assertThat(maxConcurrent).hasValue(limit);
        assertNothingLeft();
        SimAgiCallResult next = caller().place(inbound()).await(WAIT);
        assertThat(next.commands()).containsExactly("ANSWER", "SET VARIABLE DONE 1");
    }

    @Test
    void worker_thread_drives_the_channel_the_handler_handed_over_while_the_handler_waits() throws Exception {
        CompletableFuture<AgiEndReason> handlerSaw = new CompletableFuture<>();
        start(FastAgiSettings.defaults()).register("ivr", ch -> {
            ch.answer();
            handlerSaw.complete(ch.completion().get()); // e.g. waiting for the BPMN flow to finish
        });
        PlacedAgiCall call = caller().place(inbound().scriptParameter("EVS_CALL_ID", "call-42").pressDuring(2, "7"));

        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Character>> digit = worker.submit(() -> {
                await().atMost(WAIT).until(() -> server.channels().byCallId("call-42").isPresent());
                AgiChannel ch = server.channels().byCallId("call-42").orElseThrow();
                Optional<Character> d = ch.waitForDigit(5000);
                ch.streamFile("ivr/thanks", "");
                ch.close();
                return d;
            });
            assertThat(digit.get(10, TimeUnit.SECONDS)).contains('7');
        } finally {
            worker.shutdownNow();
        }
        SimAgiCallResult result = call.await(WAIT);
        assertThat(handlerSaw.get(15, TimeUnit.SECONDS)).isEqualTo(AgiEndReason.RELEASED);
        assertThat(result.commands()).containsExactly("ANSWER", "WAIT FOR DIGIT 5000", "STREAM FILE ivr/thanks \"\"");
        assertThat(result.hungUp()).isFalse();
        assertThat(result.closedByServer()).isTrue();
        assertThat(server.channels().byCallId("call-42")).isEmpty();
        assertThat(events.events).isEmpty();
        assertNothingLeft();
    }

    @Test
    void handed_over_channel_stays_open_after_the_handler_returns_until_its_worker_closes_it() throws Exception {
        CountDownLatch handlerReturned = new CountDownLatch(1);
        start(FastAgiSettings.defaults()).register("ivr", ch -> {
            ch.answer();
            ch.handOver();
            handlerReturned.countDown();
        });
        PlacedAgiCall call = caller().place(inbound().pressDuring(2, "42#"));
        assertThat(handlerReturned.await(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(WAIT).until(() -> server.channels().byUniqueId(call.uniqueId()).isPresent());
        AgiChannel ch = server.channels().find(call.uniqueId()).orElseThrow();
        Thread.sleep(100);
        assertThat(ch.isOpen()).isTrue();
        assertThat(ch.getData("ivr/amount", 2000, 5)).isEqualTo(new GetDataResult("42", false));
        ch.close();
        SimAgiCallResult result = call.await(WAIT);
        assertThat(result.closedByServer()).isTrue();
        assertThat(ch.completion().get()).isEqualTo(AgiEndReason.RELEASED);
        assertThatThrownBy(ch::answer).isInstanceOf(AgiChannelClosedException.class);
        assertNothingLeft();
    }

    @Test
    void commands_from_several_threads_are_serialised_and_each_gets_its_own_reply() throws Exception {
        CompletableFuture<AgiChannel> channel = new CompletableFuture<>();
        start(FastAgiSettings.defaults()).register("ivr", ch -> channel.complete(ch.handOver()));
        PlacedAgiCall call = caller().place(inbound());
        AgiChannel ch = channel.get(15, TimeUnit.SECONDS);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 25; i++) {
                    String name = "V_" + thread + "_" + i;
                    ch.setVariable(name, thread + "-" + i);
                    if (ch.getVariable(name).equals(Optional.of(thread + "-" + i))) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        for (Future<Integer> f : futures) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(25);
        }
        pool.shutdown();
        ch.close();
        SimAgiCallResult result = call.await(WAIT);
        assertThat(result.commands()).hasSize(400);
        assertThat(result.variables()).containsEntry("V_7_24", "7-24");
        assertNothingLeft();
    }

    @Test
    void handler_that_keeps_going_after_the_hangup_is_cut_off_after_the_grace_period() throws Exception {
        CompletableFuture<Long> closedAfterMs = new CompletableFuture<>();
        start(FastAgiSettings.defaults().withHangupGrace(Duration.ofMillis(300))).register("ivr", ch -> {
            try {
                ch.waitForDigit(5000);
            } catch (AgiHangupException e) {
                long t0 = System.nanoTime();
                ch.completion().get(15, TimeUnit.SECONDS); // a slow handler that does not return
                closedAfterMs.complete((System.nanoTime() - t0) / 1_000_000);
                Thread.sleep(200);
            }
        });
        SimAgiCallResult result = caller().place(inbound().hangUpDuring(1, Duration.ofMillis(100))).await(WAIT);
        assertThat(result.closedByServer()).isTrue();
        assertThat(closedAfterMs.get(15, TimeUnit.SECONDS)).isBetween(200L, 2000L);
        assertNothingLeft();
    }

    @Test
    void handed_over_channel_left_idle_is_closed_after_the_idle_timeout() throws Exception {
        CompletableFuture<AgiChannel> channel = new CompletableFuture<>();
        start(FastAgiSettings.defaults().withHandedOverIdleTimeout(Duration.ofMillis(300)))
                .register("ivr", ch -> channel.complete(ch.handOver()));
        SimAgiCallResult result = caller().place(inbound()).await(WAIT);
        assertThat(result.closedByServer()).isTrue();
        assertThat(result.hungUp()).isFalse();
        assertThat(channel.get().completion().get()).isEqualTo(AgiEndReason.IDLE_TIMEOUT);
        assertNothingLeft();
    }

    @Test
    void failing_handler_sets_EVS_AGI_STATUS_FAILED_and_returns_the_call_to_the_dialplan() throws Exception {
        CompletableFuture<AgiChannel> channel = new CompletableFuture<>();
        start(FastAgiSettings.defaults()).register("ivr", ch -> {
            channel.complete(ch);
            ch.answer();
            throw new IllegalStateException("flow not found for DID");
        });
        SimAgiCallResult result = caller().place(inbound()).await(WAIT);
        assertThat(result.commands()).containsExactly("ANSWER", "SET VARIABLE EVS_AGI_STATUS FAILED");
        assertThat(result.variables()).containsEntry("EVS_AGI_STATUS", "FAILED");
        assertThat(result.hungUp()).isFalse();
        assertThat(result.closedByServer()).isTrue();
        assertThat(channel.get().completion().get()).isEqualTo(AgiEndReason.HANDLER_FAILED);
        assertNothingLeft();
    }

    @Test
    void value_with_a_line_break_is_refused_before_anything_reaches_the_wire() throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        start(FastAgiSettings.defaults()).register("ivr", ch -> {
            try {
                ch.setVariable("NAME", "x\nHANGUP");
            } catch (IllegalArgumentException e) {
                thrown.complete(e);
            }
            ch.setVariable("NAME", "Jean \"JJ\" Dupont");
            ch.getVariable("NAME").ifPresent(v -> ch.setVariable("COPY", v));
        });
        SimAgiCallResult result = caller().place(inbound()).await(WAIT);
        assertThat(thrown.get()).isInstanceOf(IllegalArgumentException.class);
        assertThat(result.commands()).containsExactly("SET VARIABLE NAME \"Jean \\\"JJ\\\" Dupont\"",
                "GET VARIABLE NAME", "SET VARIABLE COPY \"Jean \\\"JJ\\\" Dupont\"");
        assertThat(result.variables()).containsEntry("COPY", "Jean \"JJ\" Dupont");
    }

    @Test
    void record_file_say_number_and_arguments_reach_the_handler() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        start(FastAgiSettings.defaults()).register("voicemail", CallEvent.Leg.OTHER, ch -> {
            seen.add(ch.request().args());
            seen.add(ch.recordFile("vm/msg-1", "wav", "#", 10_000, true, 3));
            seen.add(ch.sayNumber(1234, "*"));
            seen.add(ch.exec("NoSuchApp", ""));
            ch.verbose("done", 3);
            ch.hangup();
        });
        PlacedAgiCall call = caller().place(inbound().script("voicemail").args("box 12", "fr")
                .pressDuring(1, "#", Duration.ofMillis(4000), Duration.ofMillis(250))
                .digitSoundLength(Duration.ofMillis(500)).pressDuring(2, "*"));
        SimAgiCallResult result = call.await(WAIT);
        assertThat(seen).containsExactly(List.of("box 12", "fr"), new RecordResult('#', 32000, "dtmf"),
                Optional.of('*'), -2);
        assertThat(result.commands().get(0)).isEqualTo("RECORD FILE vm/msg-1 wav \"#\" 10000 BEEP s=3");
        await().atMost(WAIT).until(() -> events.of(call.uniqueId()).size() == 1);
        assertThat(events.of(call.uniqueId()).get(0).leg()).isEqualTo(CallEvent.Leg.OTHER);
    }
}
