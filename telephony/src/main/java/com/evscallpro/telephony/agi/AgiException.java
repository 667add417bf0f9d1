package com.evscallpro.telephony.agi;

/**
 * A FastAGI command did not give a usable result. Unchecked: a worker either handles the specific subtype or lets the
 * job fail. {@link #command()} is the command line sent (never the reply's personal data), {@link #reply()} the reply
 * when there was one.
 */
public class AgiException extends RuntimeException {

    private final String command;
    private final transient AgiReply reply;

    public AgiException(String message, String command, AgiReply reply) {
        super(message);
        this.command = command;
        this.reply = reply;
    }

    public AgiException(String message, String command, AgiReply reply, Throwable cause) {
        super(message, cause);
        this.command = command;
        this.reply = reply;
    }

    /** The command line that failed, or null when the failure was not tied to a command. */
    public String command() {
        return command;
    }

    /** The reply Asterisk gave, or null (timeout, connection lost, refused before sending). */
    public AgiReply reply() {
        return reply;
    }
}
