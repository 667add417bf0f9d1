package com.evscallpro.telephony;

/**
 * Texts of the Q.850 hangup causes a contact center meets, exactly as Asterisk writes them in {@code Cause-txt}
 * ({@code ast_cause2str}). One table for the adapters, the simulator and the CDR.
 */
public final class Q850 {

    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_ANSWER = 19;
    public static final int CONGESTION = 34;

    private Q850() {
    }

    public static String text(int cause) {
        return switch (cause) {
            case 1 -> "Unallocated (unassigned) number";
            case 3 -> "No route to destination";
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 18 -> "No user responding";
            case 19 -> "User alerting, no answer";
            case 21 -> "Call Rejected";
            case 27 -> "Destination out of order";
            case 28 -> "Invalid number format (addressing incomplete)";
            case 34 -> "Circuit/channel congestion";
            case 38 -> "Network out of order";
            case 41 -> "Temporary failure";
            case 127 -> "Interworking, unspecified";
            default -> "Unknown";
        };
    }
}
