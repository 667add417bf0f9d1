package com.evscallpro.telephony.agi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reply from Asterisk, as read from the wire.
 *
 * <ul>
 *   <li>{@code 200 result=49 endpos=5280}: status 200, result {@code "49"}, attribute {@code endpos=5280}</li>
 *   <li>{@code 200 result=1 (Local/125@from-test-00000015;2)}: data {@code Local/125@from-test-00000015;2}</li>
 *   <li>{@code 200 result= (timeout)}: result {@code ""}, data {@code timeout}</li>
 *   <li>{@code 510 Invalid or unknown command}, {@code 511 Command Not Permitted on a dead channel…}: no result,
 *       {@link #text()} is the message</li>
 *   <li>{@code 520-Invalid command syntax.  Proper usage follows:} … {@code 520 End of proper usage.}: all the lines
 *       are in {@link #lines()}</li>
 * </ul>
 *
 * @param status     the three-digit status code
 * @param result     the {@code result=} value (may be empty), or null when the reply has none
 * @param data       the text in parentheses after the result, or null
 * @param attributes {@code key=value} words after the result (e.g. {@code endpos})
 * @param text       what follows the status code on the first line
 * @param lines      the reply's raw lines (without LF)
 */
public record AgiReply(int status, String result, String data, Map<String, String> attributes, String text,
                       List<String> lines) {

    public static final int SUCCESS = 200;
    public static final int INVALID_COMMAND = 510;
    public static final int DEAD_CHANNEL = 511;
    public static final int USAGE = 520;

    private static final Pattern FIRST = Pattern.compile("(\\d{3})[ -](.*)");
    private static final Pattern TAIL = Pattern.compile("(?: [A-Za-z_]+=[^ ]*)*");

    public AgiReply {
        attributes = Map.copyOf(attributes);
        lines = List.copyOf(lines);
    }

    /** The result as an int ({@code result=-1} → -1). */
    public int resultCode() {
        if (result == null || result.isEmpty()) {
            throw new AgiCommandException("reply has no numeric result: " + firstLine(), null, this);
        }
        try {
            return Integer.parseInt(result);
        } catch (NumberFormatException e) {
            throw new AgiCommandException("reply has no numeric result: " + firstLine(), null, this);
        }
    }

    /** The {@code endpos=} attribute, or -1. */
    public long endpos() {
        String v = attributes.get("endpos");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /**
     * Parses a complete reply (one line, or the lines of a {@code 520-} block).
     *
     * @throws IllegalArgumentException when the first line is not {@code NNN text} / {@code NNN-text}
     */
    public static AgiReply parse(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty reply");
        }
        String first = lines.get(0);
        Matcher m = FIRST.matcher(first);
        if (!m.matches()) {
            if (first.length() == 3 && first.chars().allMatch(Character::isDigit)) {
                return new AgiReply(Integer.parseInt(first), null, null, Map.of(), "", lines);
            }
            throw new IllegalArgumentException("not an AGI reply line");
        }
        int status = Integer.parseInt(m.group(1));
        String rest = m.group(2);
        if (status != SUCCESS || !rest.startsWith("result=")) {
            return new AgiReply(status, null, null, Map.of(), rest, lines);
        }
        String afterKey = rest.substring("result=".length());
        int sp = afterKey.indexOf(' ');
        String result = sp < 0 ? afterKey : afterKey.substring(0, sp);
        String tail = sp < 0 ? "" : afterKey.substring(sp);
        String data = null;
        if (tail.startsWith(" (")) {
            // the data runs to the last ')' that is followed only by " key=value" words (values may hold parentheses)
            int close = -1;
            for (int i = tail.length() - 1; i >= 2; i--) {
                if (tail.charAt(i) == ')' && TAIL.matcher(tail.substring(i + 1)).matches()) {
                    close = i;
                    break;
                }
            }
            if (close >= 0) {
                data = tail.substring(2, close);
                tail = tail.substring(close + 1);
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String word : tail.trim().split(" +")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                attributes.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return new AgiReply(status, result, data, attributes, rest, lines);
    }
}
