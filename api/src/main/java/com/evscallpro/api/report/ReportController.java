package com.evscallpro.api.report;

import com.evscallpro.core.report.ReportCsv;
import com.evscallpro.core.report.ReportModel.AbandonDay;
import com.evscallpro.core.report.ReportModel.AgentActivity;
import com.evscallpro.core.report.ReportModel.CallBucket;
import com.evscallpro.core.report.ReportModel.CallFilter;
import com.evscallpro.core.report.ReportModel.Comparison;
import com.evscallpro.core.report.ReportModel.Granularity;
import com.evscallpro.core.report.ReportModel.PauseTime;
import com.evscallpro.core.report.ReportModel.Period;
import com.evscallpro.core.report.ReportModel.QualificationCount;
import com.evscallpro.core.report.ReportRollups;
import com.evscallpro.core.report.ReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports", description = "Reports from the hourly roll-ups (ADMIN, SUPERVISOR): JSON, or CSV with format=csv")
class ReportController {

    private static final String PERIOD_DOC = "from / to: first and last day (ISO dates, inclusive) in zone (an IANA "
            + "time zone, default evs.reports.zone = Europe/Paris); 800 days at most. format=csv answers text/csv.";

    private final ReportService reports;
    private final ReportRollups rollups;

    ReportController(ReportService reports, ReportRollups rollups) {
        this.reports = reports;
        this.rollups = rollups;
    }

    @GetMapping("/calls")
    @Operation(summary = "Calls and outcomes per hour or day", description = PERIOD_DOC + " Every hour / day of the "
            + "period is listed (zeros when it had no call); rates are fractions, null when undefined.")
    ResponseEntity<?> calls(@RequestParam LocalDate from, @RequestParam LocalDate to,
                            @RequestParam(required = false) @Size(max = 64) String zone,
                            @Parameter(description = "HOUR or DAY") @RequestParam(defaultValue = "DAY") Granularity granularity,
                            @RequestParam(required = false) Long campaignId,
                            @RequestParam(required = false) @Size(max = 100) String queue,
                            @Parameter(description = "OUTBOUND or INBOUND") @RequestParam(required = false) String direction,
                            @RequestParam(required = false) String format) {
        Period p = period(from, to, zone);
        List<CallBucket> rows = reports.calls(p, granularity, filter(campaignId, queue, direction));
        return answer(format, "calls", rows, out -> ReportCsv.calls(rows, granularity, p.zone(), out));
    }

    @GetMapping("/agents")
    @Operation(summary = "Agent activity", description = PERIOD_DOC + " Logged, ready, talk, wrap-up and pause time, "
            + "occupancy = (talk + wrap-up) / (logged - paused), answered calls and calls per logged hour; pauses by reason.")
    ResponseEntity<?> agents(@RequestParam LocalDate from, @RequestParam LocalDate to,
                             @RequestParam(required = false) @Size(max = 64) String zone,
                             @RequestParam(required = false) Long agentId,
                             @RequestParam(required = false) String format) {
        Period p = period(from, to, zone);
        List<AgentActivity> agents = reports.agents(p, agentId);
        List<PauseTime> pauses = reports.pauses(p, agentId);
        return answer(format, "agents", Map.of("agents", agents, "pauses", pauses),
                out -> ReportCsv.agents(agents, pauses, out));
    }

    @GetMapping("/qualifications")
    @Operation(summary = "Qualification breakdown", description = PERIOD_DOC + " Most frequent first, share of the "
            + "qualified calls.")
    ResponseEntity<?> qualifications(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                     @RequestParam(required = false) @Size(max = 64) String zone,
                                     @RequestParam(required = false) Long campaignId,
                                     @RequestParam(required = false) String format) {
        Period p = period(from, to, zone);
        List<QualificationCount> rows = reports.qualifications(p, campaignId);
        return answer(format, "qualifications", rows, out -> ReportCsv.qualifications(rows, out));
    }

    @GetMapping("/abandon")
    @Operation(summary = "Daily abandon report of an outbound campaign", description = PERIOD_DOC + " Per day: "
            + "live-answered and abandoned calls (not connected to an agent within 2 s), the rate and whether it stayed "
            + "within 3 %, with every hour of the day (23 or 25 on a DST change).")
    ResponseEntity<?> abandon(@RequestParam long campaignId, @RequestParam LocalDate from, @RequestParam LocalDate to,
                              @RequestParam(required = false) @Size(max = 64) String zone,
                              @RequestParam(required = false) String format) {
        Period p = period(from, to, zone);
        List<AbandonDay> days = reports.abandon(p, campaignId);
        return answer(format, "abandon-" + campaignId, days, out -> ReportCsv.abandon(days, p.zone(), out));
    }

    @GetMapping("/compare")
    @Operation(summary = "This period against the previous one", description = PERIOD_DOC + " The previous period "
            + "has the same number of days and ends the day before from; change = (current - previous) / previous.")
    ResponseEntity<?> compare(@RequestParam LocalDate from, @RequestParam LocalDate to,
                              @RequestParam(required = false) @Size(max = 64) String zone,
                              @RequestParam(required = false) Long campaignId,
                              @RequestParam(required = false) @Size(max = 100) String queue,
                              @RequestParam(required = false) String direction,
                              @RequestParam(required = false) String format) {
        Period p = period(from, to, zone);
        List<Comparison> rows = reports.compare(p, filter(campaignId, queue, direction));
        return answer(format, "comparison", rows, out -> ReportCsv.comparison(rows, out));
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the roll-ups of a period (ADMIN)", description = PERIOD_DOC
            + " Recomputes every hour of the period from call_history and agent_state_log.")
    Map<String, Object> rebuild(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                @RequestParam(required = false) @Size(max = 64) String zone) {
        Period p = period(from, to, zone);
        return Map.of("hours", rollups.rebuild(p.start(), p.end()), "from", p.start(), "to", p.end());
    }

    private Period period(LocalDate from, LocalDate to, String zone) {
        ZoneId z;
        try {
            z = zone == null || zone.isBlank() ? reports.zone() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone: " + zone);
        }
        return new Period(from, to, z);
    }

    private static CallFilter filter(Long campaignId, String queue, String direction) {
        if (direction != null && !direction.equals("OUTBOUND") && !direction.equals("INBOUND")) {
            throw new IllegalArgumentException("direction must be OUTBOUND or INBOUND, was " + direction);
        }
        return new CallFilter(campaignId, queue == null || queue.isBlank() ? null : queue, direction);
    }

    private static ResponseEntity<?> answer(String format, String name, Object json, Consumer<Appendable> csv) {
        if (format == null || format.equalsIgnoreCase("json")) {
            return ResponseEntity.ok(json);
        }
        if (!format.equalsIgnoreCase("csv")) {
            throw new IllegalArgumentException("format must be json or csv, was " + format);
        }
        StringBuilder sb = new StringBuilder();
        csv.accept(sb);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"report-" + name + ".csv\"")
                .body(sb.toString());
    }
}
