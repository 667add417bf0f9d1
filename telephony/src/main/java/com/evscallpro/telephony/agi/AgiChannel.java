package com.evscallpro.telephony.agi;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One live FastAGI call, with typed commands. Thread-safe: any thread may send commands (the handler, or a Zeebe
 * worker that found the channel in {@link AgiChannels}); they are serialised, one on the wire at a time, each with a
 * timeout ({@link FastAgiSettings#commandTimeout()} / {@link FastAgiSettings#mediaTimeout()}).
 *
 * <p>Failures are typed and unchecked: {@link AgiHangupException} (the caller is gone), {@link AgiTimeoutException},
 * {@link AgiCommandException} (510 / 520 / a failure result), {@link AgiChannelClosedException} (our side closed the
 * connection). Text arguments with a line break are refused ({@link IllegalArgumentException}).
 */
public interface AgiChannel {

    /** The environment Asterisk sent. */
    AgiRequest request();

    /** {@code agi_uniqueid}. */
    default String uniqueId() {
        return request().uniqueId();
    }

    /** {@code agi_channel}. */
    default String name() {
        return request().channel();
    }

    /**
     * Our call id: the {@code EVS_CALL_ID} given in the script path ({@code agi://app/ivr?EVS_CALL_ID=…}) or the first
     * value read or set through {@code EVS_CALL_ID} on this channel; else {@code agi_uniqueid}.
     */
    String callId();

    /** True once the hangup is known (the {@code HANGUP} line, a 511, a {@code -1} from input, our HANGUP). */
    boolean isHungUp();

    /** True while the AGI connection is open. */
    boolean isOpen();

    /**
     * Keeps the channel open after the handler returns, for other threads; they must {@link #close()} it when the
     * call leaves the IVR. Returns this.
     */
    AgiChannel handOver();

    /** Completes (never exceptionally) when the connection has closed, with the reason. */
    CompletableFuture<AgiEndReason> completion();

    /** Ends the AGI session: the socket closes and Asterisk continues the dialplan (or frees a dead channel). */
    void close();

    // ---- commands -------------------------------------------------------------------------------------------------

    /** {@code ANSWER}. */
    void answer();

    /** {@code STREAM FILE <file> "<escapeDigits>"}: plays a prompt, stopped by one of the escape digits. */
    StreamResult streamFile(String file, String escapeDigits);

    /**
     * {@code GET DATA <prompt> <timeoutMs> <maxDigits>}: plays the prompt (any digit interrupts it) and collects up to
     * {@code maxDigits} digits, ended by {@code #}. {@link AgiHangupException} when the caller hangs up meanwhile.
     */
    GetDataResult getData(String prompt, long timeoutMs, int maxDigits);

    /** {@code WAIT FOR DIGIT <timeoutMs>} (-1 = forever): the digit, or empty on timeout. */
    Optional<Character> waitForDigit(long timeoutMs);

    /** {@code SAY DIGITS <digits> "<escapeDigits>"}: the escape digit pressed, or empty. */
    Optional<Character> sayDigits(String digits, String escapeDigits);

    /** {@code SAY NUMBER <number> "<escapeDigits>"}: the escape digit pressed, or empty. */
    Optional<Character> sayNumber(long number, String escapeDigits);

    /** {@code SET VARIABLE <name> <value>}; works on a dead channel too. */
    void setVariable(String name, String value);

    /** {@code GET VARIABLE <name>}: empty when unset; works on a dead channel too. */
    Optional<String> getVariable(String name);

    /** {@code GET FULL VARIABLE <expression>} ({@code ${CALLERID(num)}}): the expanded text, empty when result=0. */
    Optional<String> getFullVariable(String expression);

    /**
     * {@code EXEC <application> <args>} (Playback, Dial, Queue…): the application's return value (-2 = no such
     * application). Waits as long as the application runs (a Dial until the bridged call ends), within the media
     * timeout. Asterisk runs EXEC on a dead channel too (it returns at once).
     */
    int exec(String application, String args);

    /**
     * {@code RECORD FILE <file> <format> "<escapeDigits>" <timeoutMs> [BEEP] [s=<silenceSeconds>]}.
     *
     * @param silenceSeconds stop after this much silence; 0 = no silence detection
     */
    RecordResult recordFile(String file, String format, String escapeDigits, long timeoutMs, boolean beep,
                            int silenceSeconds);

    /** {@code HANGUP}: hangs the call up. A channel already hung up is not an error. */
    void hangup();

    /** {@code CHANNEL STATUS}. */
    AgiChannelState channelStatus();

    /** {@code VERBOSE "<message>" <level>}: a line in the Asterisk console. */
    void verbose(String message, int level);

    /**
     * Sends a raw command line and returns the {@code 200} reply. 510/520 → {@link AgiCommandException}, 511 →
     * {@link AgiHangupException}. Timeout: media or quick, by command.
     */
    AgiReply send(String commandLine);

    /** As {@link #send(String)} with an explicit reply timeout. */
    AgiReply send(String commandLine, Duration timeout);
}
