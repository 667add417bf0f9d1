package com.evscallpro.telephony.agi;

/**
 * Asterisk refused or failed the command on a live channel: {@code 510 Invalid or unknown command},
 * {@code 520} invalid syntax (the usage text is in {@link AgiReply#lines()}), or a result that means failure for that
 * command (e.g. {@code ANSWER} with {@code result=-1}).
 */
public class AgiCommandException extends AgiException {

    public AgiCommandException(String message, String command, AgiReply reply) {
        super(message, command, reply);
    }
}
