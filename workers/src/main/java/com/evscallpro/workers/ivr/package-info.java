/**
 * The IVR runtime (issue 8): Asterisk's {@code AGI(agi://app:4573/ivr?did=…)} reaches {@link
 * com.evscallpro.workers.ivr.IvrCallHandler}, which looks the DID's flow up, starts its published version with the
 * call's variables and keeps the AGI channel; the IVR blocks ({@link com.evscallpro.workers.ivr.IvrBlock}) run as
 * job workers of this node only (job type {@code ivr.<block>.<node id>}, the flow's task definitions say
 * {@code ="ivr.<block>." + evsNode}), on virtual threads, sending AGI commands over the live channel and completing
 * their jobs with the results. A caller's hangup cancels the instance; a failure, a missing flow or a silent flow
 * ({@link com.evscallpro.workers.ivr.IvrWatchdog}) sends the caller down the safe path
 * ({@link com.evscallpro.workers.ivr.SafePath}). Each block writes the call's journey; the gateways crossed are
 * written when the next element shows, from the version's diagram ({@link com.evscallpro.workers.ivr.JourneyTrail}),
 * and catch events write theirs through the execution listener added at deploy time (job type
 * {@code ivr.event.<node id>}). Where
 * each caller is (in the flow, queued, with an agent) goes to the ledger for the live count. A queued caller connected to an
 * agent and then moved by AMI call control (hold, transfer, take-over: {@link com.evscallpro.core.call.InboundHandOvers})
 * is not ended by its AGI's end: the IVR releases it and records it when the PBX reports the caller gone.
 */
package com.evscallpro.workers.ivr;
