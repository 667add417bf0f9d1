package com.evscallpro.telephony.agi;

/**
 * The AGI connection is closed on our side (the handler ended without handing the channel over, {@link
 * AgiChannel#close()} was called, a protocol error, the server stopped) while the call was not known to be hung up.
 * The call itself continues in the Asterisk dialplan after the {@code AGI()} step.
 */
public class AgiChannelClosedException extends AgiException {

    public AgiChannelClosedException(String message, String command) {
        super(message, command, null);
    }
}
