package com.evscallpro.telephony.asterisk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the phone numbers inside channel names and dial strings before they reach a log line or an exception
 * message: production channels carry the customer's number ({@code PJSIP/+33612345678@trunk-00000001},
 * {@code Local/+33612345678@evs-customers-0000000a;1}). A number keeps its country prefix and its last two digits,
 * as everywhere else in EVSCallPro ({@code +33•••••••78}); extensions (fewer than six digits) and the channel's own
 * sequence ({@code -00000001}, after a dash) are left alone. Telephony depends on no other module, hence its own.
 */
final class LogMask {

    /**
     * Six digits or more, optionally after '+', not glued to a letter, digit, dot or dash before them, nor followed
     * by a dot and a digit (an Asterisk Uniqueid such as {@code 1796457772.0} is no phone number).
     */
    private static final Pattern NUMBER = Pattern.compile("(?<![-\\w.+])\\+?\\d{6,}+(?!\\.\\d)");

    private LogMask() {
    }

    /** The text with every phone number in it masked; null stays null. */
    static String channel(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(number(m.group())));
        }
        return m.appendTail(out).toString();
    }

    /** One number: {@code +33612345678} → {@code +33•••••••78}. */
    static String number(String number) {
        if (number == null || number.length() < 6) {
            return "••••";
        }
        int keepStart = number.startsWith("+") ? 3 : 2;
        return number.substring(0, keepStart) + "•".repeat(number.length() - keepStart - 2)
                + number.substring(number.length() - 2);
    }
}
