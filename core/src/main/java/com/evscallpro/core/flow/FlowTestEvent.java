package com.evscallpro.core.flow;

import java.time.Instant;
import java.util.List;

/**
 * One step of a test call ({@link FlowTestRuns}), for the analyst's log and the diagram.
 *
 * @param kind      what happened
 * @param elementId the BPMN element it happened on (null: the call as a whole)
 * @param args      the details, by kind (see {@link Kind}); texts shown as they are
 * @param path      the elements the call went through so far, with the flows and gateways between them
 * @param current   the element the call is on now (null once it ended)
 */
public record FlowTestEvent(Kind kind, String elementId, List<String> args, List<String> path, String current,
                            Instant at) {

    public FlowTestEvent {
        args = List.copyOf(args.stream().map(a -> a == null ? "" : a).toList());
        path = List.copyOf(path);
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    public enum Kind {
        /** The test process is deployed and the call placed: test process id. */
        STARTED,
        /** A block starts: block name, element name. */
        BLOCK,
        /** A prompt plays: prompt name, its description in the library (empty when not in the library). */
        PROMPT,
        /** Numbers said to the caller ({@code SAY DIGITS / NUMBER}): the digits. */
        SAY,
        /** Keys collected by an input: the keys. */
        DIGITS,
        /** Nothing pressed within the input's timeout: seconds. */
        NO_INPUT,
        /** A block completed: outcome, keys pressed (may be empty). */
        OUTCOME,
        /** A block threw a BPMN error the flow may catch: error code, message. */
        ERROR,
        /** A transfer block, simulated: number, trunk, timeout seconds. The test call ends there. */
        WOULD_TRANSFER,
        /** A queue block, simulated: agent group, priority. The test call ends there. */
        WOULD_QUEUE,
        /** A voicemail block, simulated: mailbox, maximum seconds. Nothing is recorded nor stored. */
        WOULD_RECORD_VOICEMAIL,
        /** A callback block, simulated: campaign, number. No contact is created. */
        WOULD_CREATE_CALLBACK,
        /** A block failed for a technical reason (a mistake in the flow): block, reason. */
        FAILED,
        /** The test call ended: the {@link EndReason} name. */
        ENDED,
        /** The test process was removed from the engine: test process id. */
        REMOVED,
        /** The test process could not be removed: test process id, reason. */
        REMOVE_FAILED
    }

    /** Why a test call ended. */
    public enum EndReason {
        /** A hang-up block ended the call. */
        FLOW_HUNG_UP,
        /** The analyst hung up (or left the page). */
        CALLER_HUNG_UP,
        /** A transfer block would have handed the caller over. */
        TRANSFERRED,
        /** A queue block would have put the caller in a queue. */
        QUEUED,
        /** The flow sent nothing to the caller for the watchdog's time: a real caller would take the safe path. */
        SILENT,
        /** A block failed: a real caller would take the safe path. */
        FAILED,
        /** The test call lasted longer than allowed. */
        TIMEOUT,
        /** The application stopped. */
        SHUTDOWN
    }
}
