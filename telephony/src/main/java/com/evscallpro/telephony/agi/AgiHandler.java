package com.evscallpro.telephony.agi;

/**
 * Runs one AGI call for a script path. Called on its own virtual thread once the environment is read. When it returns
 * the connection closes (Asterisk continues the dialplan after {@code AGI()}), unless it called
 * {@link AgiChannel#handOver()}: then the channel stays open for other threads until one of them calls
 * {@link AgiChannel#close()}, the caller hangs up, or the handed-over channel stays idle too long. If it throws, the
 * server sets {@code EVS_AGI_STATUS=FAILED} (when the channel is alive) and closes, so the dialplan can take the
 * caller to a safe fallback.
 */
@FunctionalInterface
public interface AgiHandler {
    void handle(AgiChannel channel) throws Exception;
}
