package com.evscallpro.core.history;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the call history for people: every list is bounded by {@link HistoryFilter} (validated: a period of at most
 * 31 days) and restricted by the {@link HistoryViewer} (an agent sees only their own calls).
 */
public interface CallHistoryBrowser {

    /** The cap of {@link #count}: beyond it the screen and the API say "more than". */
    long COUNT_CAP = 10_000;

    /**
     * A keyset page: up to {@code limit} calls after {@code after} (null: from the start) in {@code sort} order.
     * Fetch {@code size + 1} to know whether there is a next page.
     */
    List<HistoryRow> page(HistoryViewer viewer, HistoryFilter filter, HistorySort sort, HistoryKey after, int limit);

    /** The number of matching calls, counted up to {@code cap} (a result equal to the cap means "at least"). */
    long count(HistoryViewer viewer, HistoryFilter filter, long cap);

    /** The call, when it exists and the viewer may read it (an agent's request for another's call: empty). */
    Optional<CallDetail> detail(HistoryViewer viewer, String callId);

    /**
     * Writes the matching calls as CSV (UTF-8 BOM first, headers in the locale's language, French or else English),
     * streamed from a database cursor in {@code sort} order: memory stays constant whatever the number of rows.
     * Cells a spreadsheet would run as formulas are prefixed with a quote.
     */
    void exportCsv(HistoryViewer viewer, HistoryFilter filter, HistorySort sort, Locale locale, Writer out)
            throws IOException;

    /** The queue names, DIDs and qualification codes seen, for the filters' choices (small lists). */
    List<String> queues();

    List<String> dids();

    List<String> qualificationCodes();

    /** The campaigns and the agents, by name, for the filters' choices. */
    List<HistoryChoice> campaigns();

    List<HistoryChoice> agents();
}
