package com.evscallpro.core.testsupport;

import com.evscallpro.core.process.AttemptOutcome;
import com.evscallpro.core.process.OutboundAttempt;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.core.process.WrapUpResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A process gateway that writes down what the domain told the engine, as readable lines. */
public final class RecordingProcessGateway implements ProcessGateway {

    public final List<String> told = new CopyOnWriteArrayList<>();

    @Override
    public long startAttempt(OutboundAttempt attempt) {
        told.add("start " + attempt.callId());
        return 1;
    }

    @Override
    public void callAnswered(String callId) {
        told.add("answered " + callId);
    }

    @Override
    public void callFailed(String callId, AttemptOutcome outcome, Integer hangupCause) {
        told.add("failed " + callId + " " + outcome + " " + hangupCause);
    }

    @Override
    public void agentConnected(String callId) {
        told.add("agent-connected " + callId);
    }

    /** Every wrap-up result completed, in order. */
    public final java.util.List<WrapUpResult> wrapUps = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void callAbandoned(String callId, Integer hangupCause) {
        told.add("abandoned " + callId + " " + hangupCause);
    }

    @Override
    public void completeWrapUp(long jobKey, WrapUpResult result) {
        told.add("wrap-up " + jobKey + " " + result.qualificationCode());
        wrapUps.add(result);
    }
}
