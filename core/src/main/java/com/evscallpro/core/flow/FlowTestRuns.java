package com.evscallpro.core.flow;

import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * Test calls on a flow before it is published (issue 10, item 4): the XML given (the analyst's draft) is deployed to
 * the engine the application uses under a process id of its own ({@code <process id>-test-<8 hex>}), started with a
 * simulated caller, run over a simulated channel whose side effects are reported instead of performed (no voicemail
 * stored, no callback created, no transfer dialled, no queue entered, nothing written to the call history, the
 * journeys or the heat map), and removed from the engine when the test call ends. Refusals are
 * {@link com.evscallpro.core.error.EvsException}s: {@code flow.not-found} (id), {@code flow.test-run-ivr-only},
 * {@code flow.process-id-changed} (expected, found), {@code flow.bpmn-invalid} (reason),
 * {@code flow.test-run-untestable} (element ids: {@link FlowTestModel#untestable()}),
 * {@code flow.test-run-keys} (keys), {@code flow.test-run-failed} (reason: the engine refused or is away).
 */
public interface FlowTestRuns {

    /**
     * Deploys {@code bpmnXml} (a version of the flow: same process id) as a test process and places the test call;
     * {@code listener} hears every step, from any thread, until {@link FlowTestEvent.Kind#REMOVED} or
     * {@link FlowTestEvent.Kind#REMOVE_FAILED}.
     */
    FlowTestRun start(long flowId, String bpmnXml, FlowTestCall call, Consumer<FlowTestEvent> listener);

    /** Test calls in progress on this node. */
    int running();

    /**
     * A simulated call.
     *
     * @param callerNumber the caller's number as the network would give it (null: withheld)
     * @param did          the number dialled
     * @param timeOfDay    when the call happens, for the opening-hours blocks only: read in each planning's time zone
     *                     (null: now)
     * @param language     the channel's language ({@code fr}, {@code en})
     * @param transferStatus how a transfer block's dial ends ({@link #TRANSFER_STATUSES}; null: {@code ANSWER}, the
     *                     test call ends there as if answered; another: the block fails with
     *                     {@code IVR_TRANSFER_FAILED} and that status, so the flow's failure branch runs);
     *                     {@code flow.test-run-transfer-status} otherwise
     */
    record FlowTestCall(String callerNumber, String did, LocalDateTime timeOfDay, String language,
                        String transferStatus) {

        /** The dial statuses a simulated transfer can end with (Asterisk's {@code DIALSTATUS}). */
        public static final java.util.List<String> TRANSFER_STATUSES = java.util.List.of("ANSWER", "BUSY",
                "NOANSWER", "CONGESTION", "CHANUNAVAIL");

        public FlowTestCall {
            transferStatus = transferStatus == null || transferStatus.isBlank() ? "ANSWER" : transferStatus.strip();
            if (!TRANSFER_STATUSES.contains(transferStatus)) {
                throw new com.evscallpro.core.error.EvsException("flow.test-run-transfer-status", transferStatus);
            }
        }

        /** A test call whose transfers are answered. */
        public FlowTestCall(String callerNumber, String did, LocalDateTime timeOfDay, String language) {
            this(callerNumber, did, timeOfDay, language, null);
        }
    }

    /** One test call in progress. */
    interface FlowTestRun {

        /** The test process id the draft was deployed under. */
        String processId();

        /** The test call's {@code callId}. */
        String callId();

        /** Keys pressed on the keypad ({@code 0-9 * #}), heard by the block waiting for them (or the next). */
        void press(String keys);

        /** The caller hangs up: the instance is cancelled and the test process removed. */
        void hangUp();

        boolean isOver();
    }
}
