package com.evscallpro.core.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Records changes and reads them back for admins. */
public interface AuditTrail {

    /**
     * Records a change by the current actor, in the caller's transaction.
     *
     * @param action   what was done ({@code create}, {@code update}, {@code delete}, {@code start}...)
     * @param entity   the kind of thing ({@code planning}, {@code campaign}...)
     * @param entityId its id or code
     * @param summary  a short human-readable line (a name...)
     * @param before   the state before (any object Jackson can write; fields named like secrets are masked), or null
     * @param after    the state after, or null
     */
    void record(String action, String entity, Object entityId, String summary, Object before, Object after);

    /** Who is acting on this thread (the system when nobody is): for the "by whom" columns of other features. */
    AuditActor.Actor actor();

    /** Newest first. */
    List<AuditEntry> search(AuditFilter filter, int offset, int limit);

    /** The kinds of entity that appear in the log. */
    List<String> entities();

    /**
     * Writes the matching entries as CSV (UTF-8, comma, RFC 4180 quoting, a header line), newest first. A value a
     * spreadsheet would run as a formula is prefixed with a quote.
     */
    void exportCsv(AuditFilter filter, Writer out) throws IOException;
}
