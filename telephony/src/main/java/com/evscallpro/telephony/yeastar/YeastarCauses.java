package com.evscallpro.telephony.yeastar;

import java.util.Locale;
import java.util.Map;

import com.evscallpro.telephony.CallOutcome;

/**
 * Yeastar's failure reasons ((30015) {@code reason}, (30012) {@code status}) as our outcomes and Q.850 causes.
 * SIP codes follow RFC 3398 §7.2.4 / Asterisk's {@code hangup_sip2cause}, except where Yeastar documents another
 * meaning ("603 Declined: the call is timed out").
 */
final class YeastarCauses {

    record Failure(CallOutcome outcome, int q850, String reason) {
    }

    private static final Map<Integer, String> Q850_TEXT = Map.ofEntries(
            Map.entry(0, "Unknown"), Map.entry(1, "Unallocated (unassigned) number"),
            Map.entry(16, "Normal Clearing"), Map.entry(17, "User busy"), Map.entry(18, "No user responding"),
            Map.entry(19, "User alerting, no answer"), Map.entry(21, "Call Rejected"),
            Map.entry(22, "Number changed"), Map.entry(27, "Destination out of order"),
            Map.entry(28, "Invalid number format (addr incomplete)"),
            Map.entry(34, "Circuit/channel congestion"), Map.entry(38, "Network out of order"),
            Map.entry(41, "Temporary failure"), Map.entry(52, "Outgoing call barred"),
            Map.entry(127, "Interworking, unspecified"));

    private YeastarCauses() {
    }

    static String text(int q850) {
        return Q850_TEXT.getOrDefault(q850, "Cause " + q850);
    }

    /** A (30015) Call Failed {@code reason}, e.g. "486 Busy here", "User Busy", "NO Dial Permission". */
    static Failure ofReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        String l = r.toLowerCase(Locale.ROOT);
        if (l.startsWith("no dial permission") || l.startsWith("no outbound")) {
            return new Failure(CallOutcome.FAILED, 52, r);
        }
        if (l.startsWith("circuit/channel congestion") || l.contains("congestion")) {
            return new Failure(CallOutcome.CONGESTION, 34, r);
        }
        if (l.equals("dnd") || l.startsWith("user busy")) {
            return new Failure(CallOutcome.BUSY, 17, r);
        }
        if (l.startsWith("line unreachable")) {
            return new Failure(CallOutcome.CONGESTION, 38, r);
        }
        int sip = leadingSipCode(l);
        return switch (sip) {
            case 486, 600 -> new Failure(CallOutcome.BUSY, 17, r);
            case 408 -> new Failure(CallOutcome.NO_ANSWER, 18, r);
            case 480, 603 -> new Failure(CallOutcome.NO_ANSWER, 19, r);
            case 404, 604 -> new Failure(CallOutcome.FAILED, 1, r);
            case 410 -> new Failure(CallOutcome.FAILED, 22, r);
            case 484, 485 -> new Failure(CallOutcome.FAILED, 28, r);
            case 401, 402, 403, 407 -> new Failure(CallOutcome.FAILED, 21, r);
            case 487 -> new Failure(CallOutcome.NO_ANSWER, 19, r);
            case 502 -> new Failure(CallOutcome.CONGESTION, 38, r);
            case 503 -> new Failure(CallOutcome.CONGESTION, 34, r);
            case 500, 504 -> new Failure(CallOutcome.FAILED, 41, r);
            default -> new Failure(CallOutcome.FAILED, 0, r);
        };
    }

    /** A (30012) New CDR {@code status} of a call that was not answered ("NO ANSWER", "BUSY", "VOICEMAIL"…). */
    static Failure ofCdrStatus(String status) {
        String s = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "BUSY" -> new Failure(CallOutcome.BUSY, 17, status);
            case "NO ANSWER", "NOANSWER", "NO_ANSWER", "VOICEMAIL" -> new Failure(CallOutcome.NO_ANSWER, 19, status);
            default -> new Failure(CallOutcome.FAILED, 0, status);
        };
    }

    static boolean isAnsweredCdr(String status) {
        String s = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
        return s.equals("ANSWERED") || s.equals("ANSWERD"); // the docs spell it both ways
    }

    /** Our OriginateResult reason code, aligned with the AMI OriginateResponse codes of the port. */
    static int originateReason(CallOutcome outcome) {
        return switch (outcome) {
            case ANSWERED -> 4;
            case BUSY -> 5;
            case NO_ANSWER -> 3;
            case CONGESTION -> 8;
            case FAILED -> 0;
        };
    }

    private static int leadingSipCode(String l) {
        if (l.length() >= 3 && Character.isDigit(l.charAt(0)) && Character.isDigit(l.charAt(1))
                && Character.isDigit(l.charAt(2)) && (l.length() == 3 || !Character.isDigit(l.charAt(3)))) {
            return Integer.parseInt(l.substring(0, 3));
        }
        return -1;
    }
}
