package com.evscallpro.core.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The parameters and rows of the reports. Rates are fractions (0.03 = 3 %), null when their denominator is 0. */
public final class ReportModel {

    private ReportModel() {
    }

    public enum Granularity { HOUR, DAY }

    /** Days {@code from} to {@code to} inclusive, in {@code zone}. */
    public record Period(LocalDate from, LocalDate to, ZoneId zone) {
        public Period {
            if (from == null || to == null || zone == null) {
                throw new IllegalArgumentException("a period needs a first day, a last day and a time zone");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("the last day " + to + " is before the first day " + from);
            }
            if (from.plusDays(800).isBefore(to)) {
                throw new IllegalArgumentException("a report covers 800 days at most");
            }
        }

        public Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        public Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }

        public long days() {
            return to.toEpochDay() - from.toEpochDay() + 1;
        }

        /** The period of the same number of days just before this one. */
        public Period previous() {
            return new Period(from.minusDays(days()), from.minusDays(1), zone);
        }
    }

    /** Which calls a report counts: null = all. */
    public record CallFilter(Long campaignId, String queueName, String direction) {
        public static final CallFilter ALL = new CallFilter(null, null, null);
    }

    /** The calls of one hour or day. {@code bucket} is the first instant of the hour / day. */
    public record CallBucket(Instant bucket, LocalDate day, long calls, long answered, long abandoned, long busy,
                             long noAnswer, long congestion, long failed, long liveAnswered, long queued,
                             long queueAbandoned, long shortAbandoned, long answeredInSl, long talkSeconds,
                             long waitSeconds, long machine) {

        /** The legal outbound abandon rate: abandoned ÷ live-answered. */
        @JsonProperty
        public Double outboundAbandonRate() {
            return ratio(abandoned, liveAnswered);
        }

        /** Inbound: abandoned while queued after the short-abandon threshold ÷ calls that entered a queue. */
        @JsonProperty
        public Double inboundAbandonRate() {
            return ratio(queueAbandoned, queued);
        }

        /** Answered within the threshold ÷ (entered a queue − short abandons). */
        @JsonProperty
        public Double serviceLevel() {
            return ratio(answeredInSl, queued - shortAbandoned);
        }

        CallBucket plus(CallBucket o) {
            return new CallBucket(bucket, day, calls + o.calls, answered + o.answered, abandoned + o.abandoned,
                    busy + o.busy, noAnswer + o.noAnswer, congestion + o.congestion, failed + o.failed,
                    liveAnswered + o.liveAnswered, queued + o.queued, queueAbandoned + o.queueAbandoned,
                    shortAbandoned + o.shortAbandoned, answeredInSl + o.answeredInSl, talkSeconds + o.talkSeconds,
                    waitSeconds + o.waitSeconds, machine + o.machine);
        }

        static CallBucket empty(Instant bucket, LocalDate day) {
            return new CallBucket(bucket, day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** One agent's activity over the period. */
    public record AgentActivity(long userId, String name, long loggedSeconds, long readySeconds,
                                long reservedSeconds, long talkSeconds, long wrapSeconds, long pausedSeconds,
                                long calls) {

        /** (talk + wrap-up) ÷ (logged − paused). */
        @JsonProperty
        public Double occupancy() {
            return ratio(talkSeconds + wrapSeconds, loggedSeconds - pausedSeconds);
        }

        /** Answered calls per logged hour. */
        @JsonProperty
        public Double callsPerHour() {
            return loggedSeconds == 0 ? null : calls * 3600.0 / loggedSeconds;
        }
    }

    public record PauseTime(long userId, String name, String reason, long seconds) {
    }

    public record QualificationCount(String code, String labelFr, String labelEn, long calls, double share) {
    }

    /** One day of the abandon report, with its hours (23, 24 or 25 on a DST change). */
    /** {@code machine}: answering-machine verdicts (AMD), shown beside the abandons; no abandons unless sampled. */
    public record AbandonDay(LocalDate day, long liveAnswered, long abandoned, long machine, boolean compliant,
                             List<AbandonHour> hours) {
        @JsonProperty
        public Double rate() {
            return ratio(abandoned, liveAnswered);
        }
    }

    public record AbandonHour(Instant hour, long liveAnswered, long abandoned, long machine) {
        @JsonProperty
        public Double rate() {
            return ratio(abandoned, liveAnswered);
        }
    }

    /** One figure of a period comparison. {@code change} is (current − previous) ÷ previous, null when undefined. */
    public record Comparison(String metric, Double current, Double previous) {
        @JsonProperty
        public Double change() {
            return current == null || previous == null || previous == 0 ? null : (current - previous) / previous;
        }
    }

    /** The legal ceiling of the outbound abandon rate, per campaign per day. */
    public static final double LEGAL_ABANDON_CEILING = 0.03;

    static Double ratio(long num, long den) {
        return den <= 0 ? null : (double) num / den;
    }
}
