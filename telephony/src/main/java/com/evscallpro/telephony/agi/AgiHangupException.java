package com.evscallpro.telephony.agi;

/**
 * The channel is hung up: Asterisk said {@code HANGUP}, answered {@code 511 Command Not Permitted on a dead channel},
 * a media command returned {@code -1} because the caller left, or the connection was lost. Commands that Asterisk
 * still runs on a dead channel (GET/SET VARIABLE, GET FULL VARIABLE, EXEC, VERBOSE, DATABASE, NOOP) do not throw it
 * while the AGI connection is open.
 */
public class AgiHangupException extends AgiException {

    public AgiHangupException(String message, String command, AgiReply reply) {
        super(message, command, reply);
    }
}
