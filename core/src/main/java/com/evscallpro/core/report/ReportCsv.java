package com.evscallpro.core.report;

import com.evscallpro.core.report.ReportModel.AbandonDay;
import com.evscallpro.core.report.ReportModel.AbandonHour;
import com.evscallpro.core.report.ReportModel.AgentActivity;
import com.evscallpro.core.report.ReportModel.CallBucket;
import com.evscallpro.core.report.ReportModel.Comparison;
import com.evscallpro.core.report.ReportModel.Granularity;
import com.evscallpro.core.report.ReportModel.PauseTime;
import com.evscallpro.core.report.ReportModel.QualificationCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The reports as CSV (RFC 4180, comma, a header line, rates as fractions with 4 decimals, empty when undefined,
 * hours as local ISO date-times with their offset so that the repeated hour of a DST change stays distinct).
 */
public final class ReportCsv {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private ReportCsv() {
    }

    public static void calls(List<CallBucket> rows, Granularity g, ZoneId zone, Appendable out) {
        write(out, p -> {
            p.printRecord("period", "calls", "answered", "abandoned", "busy", "no_answer", "congestion", "failed",
                    "live_answered", "outbound_abandon_rate", "queued", "queue_abandoned", "inbound_abandon_rate",
                    "service_level", "talk_seconds", "machine");
            for (CallBucket b : rows) {
                p.printRecord(g == Granularity.HOUR ? hour(b.bucket(), zone) : b.day().toString(), b.calls(),
                        b.answered(), b.abandoned(), b.busy(), b.noAnswer(), b.congestion(), b.failed(),
                        b.liveAnswered(), rate(b.outboundAbandonRate()), b.queued(), b.queueAbandoned(),
                        rate(b.inboundAbandonRate()), rate(b.serviceLevel()), b.talkSeconds(), b.machine());
            }
        });
    }

    public static void agents(List<AgentActivity> rows, List<PauseTime> pauses, Appendable out) {
        write(out, p -> {
            p.printRecord("agent", "logged_seconds", "ready_seconds", "talk_seconds", "wrap_seconds",
                    "paused_seconds", "occupancy", "calls", "calls_per_hour");
            for (AgentActivity a : rows) {
                p.printRecord(cell(a.name()), a.loggedSeconds(), a.readySeconds(), a.talkSeconds(), a.wrapSeconds(),
                        a.pausedSeconds(), rate(a.occupancy()), a.calls(), rate(a.callsPerHour()));
            }
            if (!pauses.isEmpty()) {
                p.println();
                p.printRecord("agent", "pause_reason", "paused_seconds");
                for (PauseTime t : pauses) {
                    p.printRecord(cell(t.name()), cell(t.reason()), t.seconds());
                }
            }
        });
    }

    public static void qualifications(List<QualificationCount> rows, Appendable out) {
        write(out, p -> {
            p.printRecord("code", "label_fr", "label_en", "calls", "share");
            for (QualificationCount q : rows) {
                p.printRecord(cell(q.code()), cell(q.labelFr()), cell(q.labelEn()), q.calls(), rate(q.share()));
            }
        });
    }

    /** One line per day, then one per hour of each day ({@code level} says which). */
    public static void abandon(List<AbandonDay> days, ZoneId zone, Appendable out) {
        write(out, p -> {
            p.printRecord("level", "period", "live_answered", "abandoned", "abandon_rate", "compliant", "machine");
            for (AbandonDay d : days) {
                p.printRecord("day", d.day(), d.liveAnswered(), d.abandoned(), rate(d.rate()), d.compliant(),
                        d.machine());
            }
            for (AbandonDay d : days) {
                for (AbandonHour h : d.hours()) {
                    p.printRecord("hour", hour(h.hour(), zone), h.liveAnswered(), h.abandoned(), rate(h.rate()), "",
                            h.machine());
                }
            }
        });
    }

    public static void comparison(List<Comparison> rows, Appendable out) {
        write(out, p -> {
            p.printRecord("metric", "current", "previous", "change");
            for (Comparison c : rows) {
                p.printRecord(c.metric(), number(c.current()), number(c.previous()), rate(c.change()));
            }
        });
    }

    public static String hour(Instant h, ZoneId zone) {
        return HOUR.format(h.atZone(zone).toOffsetDateTime());
    }

    /** A spreadsheet runs a cell starting with = + - @ as a formula: such text is prefixed with a quote. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    private static String rate(Double r) {
        if (r == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.4f", r);
    }

    /** A count as an integer, a rate with 4 decimals, empty when undefined. */
    private static String number(Double r) {
        return r != null && r == Math.rint(r) && Math.abs(r) >= 2 ? String.valueOf(r.longValue()) : rate(r);
    }

    private interface Body {
        void print(CSVPrinter p) throws IOException;
    }

    private static void write(Appendable out, Body body) {
        try {
            CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180);
            body.print(p);
            p.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
