package com.evscallpro.telephony.agi;

/**
 * No reply (or no turn on a busy channel) within the command timeout. The channel stays usable: the late reply, when
 * it comes, is recognised and dropped, so the next command still gets its own reply.
 */
public class AgiTimeoutException extends AgiException {

    public AgiTimeoutException(String message, String command) {
        super(message, command, null);
    }
}
