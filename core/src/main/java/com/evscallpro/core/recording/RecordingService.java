package com.evscallpro.core.recording;

import com.evscallpro.core.call.PbxCallIds;
import java.util.List;
import java.util.Optional;

/**
 * Call recordings. Refusals ({@link com.evscallpro.core.error.EvsException} codes): {@code recording.not-found} (id
 * or call id; also for a recording the asker may not see), {@code recording.not-allowed} (the call's policy does not
 * let the agent record), {@code recording.not-recording} (nothing to pause / resume), {@code recording.not-stored}
 * (not collected yet), {@code recording.pbx-refused} (the PBX's message), {@code recording.bad-prompt},
 * {@code recording.bad-retention}, {@code recording.storage-failed}, {@code request.sort-unsupported}.
 */
public interface RecordingService {

    /** Properties a list may be sorted on. */
    List<String> SORTS = List.of("startedAt", "duration", "state", "callId");

    /** The policy of a campaign or queue (OFF when none was saved). */
    RecordingPolicy policy(RecordingScope scope, long targetId);

    /** Saves it (audited). */
    RecordingPolicy savePolicy(RecordingPolicy policy);

    /**
     * A call was connected to an agent: when its campaign / queue records ALL, plays the consent announcement (if
     * any) to the customer and starts MixMonitor. Never throws: a failure is logged and the call goes on unrecorded.
     *
     * @return the recording's id when one runs
     */
    Optional<Long> callConnected(String callId, RecordingScope scope, long targetId, Long agentUserId);

    /** The agent starts recording the call (policy ON_DEMAND or ALL); answers the recording. */
    RecordingView startOnDemand(String callId, RecordingScope scope, long targetId, long agentUserId);

    /** Pauses the running recording of the call (PCI: before a card number); audited. */
    RecordingView pause(String callId);

    /** Resumes it; audited. */
    RecordingView resume(String callId);

    /** The call's recording, whatever its state. */
    Optional<RecordingView> ofCall(String callId);

    /**
     * For other screens (the call history's detail page): the call's recording if {@code who} may hear it.
     */
    Optional<RecordingRef> forCall(String callId, RecordingAccess who);

    /**
     * The call is over: a running recording becomes STOPPED (its file is complete on the PBX host). {@code callId} is
     * ours or the PBX port's (see {@link PbxCallIds}).
     */
    void callEnded(String callId);

    /** Moves due STOPPED recordings from the PBX hosts into storage; answers how many were stored. */
    int collectDue();

    /** Deletes recordings past their retention (file and row, each audited); answers how many. */
    int purgeExpired();

    List<RecordingView> search(RecordingFilter filter, RecordingAccess who, String sort, boolean descending,
                               int offset, int limit);

    long count(RecordingFilter filter, RecordingAccess who);

    /** One recording, if {@code who} may see it. */
    RecordingView get(long id, RecordingAccess who);

    /** The audio of a STORED recording for {@code who}: every call is an audited listen (who, which, when). */
    RecordingAudio listen(long id, RecordingAccess who);
}
