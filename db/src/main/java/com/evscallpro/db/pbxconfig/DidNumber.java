package com.evscallpro.db.pbxconfig;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A DID row ({@code did}): an E.164 {@code number} delivered by the trunk {@code trunkId}, routed to
 * {@code targetType} {@code IVR} (target = FastAGI script path), {@code QUEUE} (a queue name) or
 * {@code EXTENSION} (an agent extension); an IVR DID runs the published version of the flow {@code flowId}.
 * {@code version}: optimistic locking (V90), +1 on every save.
 */
@Table("did")
public record DidNumber(@Id Long id, String number, long trunkId, String label, String targetType, String target,
                        boolean enabled, Instant createdAt, Instant updatedAt, Long flowId,
                        @Version int version) {

    /** A new row (no id yet), created and updated now. */
    public static DidNumber create(String number, long trunkId, String label, String targetType, String target,
                                   boolean enabled) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored by timestamptz
        return new DidNumber(null, number, trunkId, label, targetType, target, enabled, now, now, null, 0);
    }

    /** This row with every editable field replaced, {@code updatedAt} now; id, creation time and version kept. */
    public DidNumber update(String newNumber, long newTrunkId, String newLabel, String newTargetType,
                            String newTarget, boolean newEnabled) {
        return new DidNumber(id, newNumber, newTrunkId, newLabel, newTargetType, newTarget, newEnabled, createdAt,
                Instant.now().truncatedTo(ChronoUnit.MICROS), flowId, version); // the flow is set apart (IvrRouting)
    }
}
