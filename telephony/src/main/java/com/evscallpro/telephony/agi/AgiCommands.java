package com.evscallpro.telephony.agi;

import java.util.Locale;
import java.util.Set;

/**
 * Builds AGI command lines the way Asterisk parses them ({@code res_agi.c parse_args}: words split on blanks,
 * double quotes group, backslash escapes). Plain words go bare ({@code GET DATA test-tone 3000 4}); empty words and
 * words with blanks, quotes or backslashes are quoted. Escape-digit lists and VERBOSE messages are always quoted, as
 * in the captures ({@code STREAM FILE test-tone "0123456789*#"}, {@code SAY DIGITS 42 ""}).
 */
final class AgiCommands {

    /** Commands Asterisk still runs on a dead channel (res_agi.c commands[] with dead = 1). */
    private static final Set<String> DEAD_OK = Set.of("ASYNCAGI BREAK", "DATABASE DEL", "DATABASE DELTREE",
            "DATABASE GET", "DATABASE PUT", "EXEC", "GET FULL VARIABLE", "GET VARIABLE", "NOOP", "SET VARIABLE",
            "VERBOSE");

    private AgiCommands() {
    }

    /** A bare word: must be non-empty and free of blanks, quotes, backslashes and line breaks. */
    static String word(String s) {
        check(s);
        if (s.isEmpty() || needsQuotes(s)) {
            return quoted(s);
        }
        return s;
    }

    static String quoted(String s) {
        check(s);
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    static String digits(String escapeDigits) {
        String d = escapeDigits == null ? "" : escapeDigits;
        for (int i = 0; i < d.length(); i++) {
            if ("0123456789*#ABCD".indexOf(Character.toUpperCase(d.charAt(i))) < 0) {
                throw new IllegalArgumentException("not a DTMF digit in escape digits: '" + d.charAt(i) + "'");
            }
        }
        return quoted(d);
    }

    private static boolean needsQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Line breaks would let a value inject a second command: refused outright. */
    static void check(String s) {
        if (s == null) {
            throw new IllegalArgumentException("null AGI argument");
        }
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("line break or NUL in an AGI argument");
        }
    }

    /** True when Asterisk runs this command on a dead channel instead of answering 511. */
    static boolean worksWhenDead(String commandLine) {
        String upper = commandLine.stripLeading().toUpperCase(Locale.ROOT);
        for (String c : DEAD_OK) {
            if (upper.equals(c) || upper.startsWith(c + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Media commands can legitimately run for a long time (prompts, Dial, recordings). */
    static boolean isMedia(String commandLine) {
        String upper = commandLine.stripLeading().toUpperCase(Locale.ROOT);
        return upper.startsWith("STREAM FILE") || upper.startsWith("CONTROL STREAM FILE")
                || upper.startsWith("GET DATA") || upper.startsWith("GET OPTION") || upper.startsWith("WAIT FOR DIGIT")
                || upper.startsWith("SAY ") || upper.startsWith("EXEC") || upper.startsWith("RECORD FILE")
                || upper.startsWith("SPEECH RECOGNIZE") || upper.startsWith("GOSUB");
    }
}
