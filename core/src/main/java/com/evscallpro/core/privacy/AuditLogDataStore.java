package com.evscallpro.core.privacy;

import com.evscallpro.db.privacy.PersonalDataTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The audit log, where a number may appear in a change's summary or states. On a request the number is redacted
 * (the entry, proof of who changed what, stays); past its period an entry is deleted.
 */
@Component
class AuditLogDataStore implements PersonalDataStore {

    private final PersonalDataTables tables;

    AuditLogDataStore(PersonalDataTables tables) {
        this.tables = tables;
    }

    @Override
    public DataKind kind() {
        return DataKind.AUDIT_LOG;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public List<Map<String, Object>> findByPhone(String e164) {
        return Rows.plain(tables.auditByPhone(e164));
    }

    @Override
    public int erase(String e164, ErasureMode mode) {
        return tables.redactAuditByPhone(e164);
    }

    @Override
    public int purgeBefore(Instant before, ErasureMode mode, int batch) {
        return tables.purgeAudit(before, batch);
    }
}
