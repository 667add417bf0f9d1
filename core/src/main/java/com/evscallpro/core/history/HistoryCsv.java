package com.evscallpro.core.history;

import com.evscallpro.core.contact.SpreadsheetSafe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The CSV columns of the call history, with French and English headers; times in ISO-8601 UTC. */
final class HistoryCsv {

    private static final List<String> EN = List.of("Call id", "Direction", "Started at", "Answered at", "Ended at",
            "Duration (s)", "Billed (s)", "Wait (s)", "Caller", "Callee", "DID", "Queue", "Disposition", "Outcome",
            "Inbound outcome", "Hangup cause", "Hangup cause text", "Campaign", "Agent", "Qualification code",
            "Qualification");
    private static final List<String> FR = List.of("Identifiant d'appel", "Sens", "Début", "Décroché", "Fin",
            "Durée (s)", "Facturé (s)", "Attente (s)", "Appelant", "Appelé", "SDA", "File", "Issue PBX", "Résultat",
            "Résultat entrant", "Cause de raccroché", "Texte de la cause", "Campagne", "Agent", "Code qualification",
            "Qualification");

    private HistoryCsv() {
    }

    static List<String> header(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? FR : EN;
    }

    static List<String> cells(HistoryRow r, Locale locale) {
        List<String> c = new ArrayList<>(EN.size());
        c.add(SpreadsheetSafe.text(r.callId()));
        c.add(r.direction());
        c.add(text(r.startedAt()));
        c.add(text(r.answeredAt()));
        c.add(text(r.endedAt()));
        c.add(text(r.durationSeconds()));
        c.add(text(r.billsec()));
        c.add(text(r.waitSeconds()));
        c.add(number(r.caller()));
        c.add(number(r.callee()));
        c.add(number(r.did()));
        c.add(SpreadsheetSafe.text(r.queue()));
        c.add(text(r.disposition()));
        c.add(text(r.outcome()));
        c.add(text(r.inboundOutcome()));
        c.add(text(r.hangupCause()));
        c.add(SpreadsheetSafe.text(r.hangupCauseText()));
        c.add(SpreadsheetSafe.text(r.campaignName()));
        c.add(SpreadsheetSafe.text(r.agentName()));
        c.add(SpreadsheetSafe.text(r.qualificationCode()));
        c.add(SpreadsheetSafe.text(r.qualificationLabel(locale)));
        return c;
    }

    /** An E.164 number is data ("+33…" is read as text or a number, never as a formula); anything else is neutralised. */
    private static String number(String n) {
        return n != null && n.matches("\\+[1-9][0-9]{6,14}") ? n : SpreadsheetSafe.text(n);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
