package com.evscallpro.workers.ivr;

import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code ivr.hours}: whether the call is within the opening hours of a planning (weekly slots, public holidays,
 * exceptions), named by {@code planning} (its name) or {@code planningId}. Completes with {@code resultVariable}
 * (default {@code open}) true / false and {@code nextOpening} (ISO instant, or null). Error:
 * {@code IVR_PLANNING_NOT_FOUND}.
 */
@Component
class HoursBlock implements IvrBlock {

    private final PlanningService plannings;
    private final Clock clock;

    HoursBlock(PlanningService plannings, java.util.Optional<Clock> clock) {
        this.plannings = plannings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public String name() {
        return "hours";
    }

    @Override
    public void run(IvrStep step) {
        run(step, planning -> clock.instant());
    }

    /**
     * As {@link #run(IvrStep)}, at the moment {@code now} gives for the planning (a test call: the time of day the
     * analyst chose, read in the planning's time zone: {@link #zone}).
     */
    void run(IvrStep step, java.util.function.Function<PlanningDefinition, Instant> now) {
        PlanningDefinition planning = planning(step);
        long id = planning.id();
        String variable = step.text("resultVariable", "open");
        if (!IvrBlocks.VARIABLE_NAME.matcher(variable).matches()) {
            throw new IllegalArgumentException("resultVariable '" + variable + "' is not a variable name");
        }
        Instant at = now.apply(planning);
        boolean open = plannings.isOpen(id, at);
        step.output(variable, open);
        step.output("nextOpening", open ? null : plannings.nextOpening(id, at).map(Instant::toString).orElse(null));
        step.outcome = open ? "OPEN" : "CLOSED";
    }

    private PlanningDefinition planning(IvrStep step) {
        String name = step.text("planning", null);
        if (name != null) {
            return plannings.plannings().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new IvrError(IvrBlocks.PLANNING_NOT_FOUND, "no planning named " + name));
        }
        long id = step.integer("planningId", -1, -1, Integer.MAX_VALUE);
        return (id < 0 ? java.util.Optional.<PlanningDefinition>empty() : plannings.planning(id))
                .orElseThrow(() -> new IvrError(IvrBlocks.PLANNING_NOT_FOUND, "no planning " + id));
    }

    /** The planning's time zone (Europe/Paris when it names none, as the plannings read it). */
    static java.time.ZoneId zone(PlanningDefinition planning) {
        String zone = planning.timeZone();
        return java.time.ZoneId.of(zone == null || zone.isBlank() ? "Europe/Paris" : zone.strip());
    }
}
