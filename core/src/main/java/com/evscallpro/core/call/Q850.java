package com.evscallpro.core.call;

/** Texts of the Q.850 causes a contact center meets, as Asterisk writes them in {@code Cause-txt}. */
final class Q850 {

    private Q850() {
    }

    static String text(int cause) {
        return switch (cause) {
            case 0 -> "Unknown";
            case 1 -> "Unallocated (unassigned) number";
            case 3 -> "No route to destination";
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 18 -> "No user responding";
            case 19 -> "User alerting, no answer";
            case 21 -> "Call Rejected";
            case 27 -> "Destination out of order";
            case 28 -> "Invalid number format (incomplete number)";
            case 34 -> "Circuit/channel congestion";
            case 38 -> "Network out of order";
            case 41 -> "Temporary failure";
            case 127 -> "Interworking, unspecified";
            default -> "Cause " + cause;
        };
    }
}
