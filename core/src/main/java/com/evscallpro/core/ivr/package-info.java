/**
 * The inbound IVR's records (issue 8): which flow a DID runs ({@link com.evscallpro.core.ivr.IvrRouting}), the IVR
 * calls each application node drives ({@link com.evscallpro.core.ivr.IvrCallLedger}: a node that starts again ends
 * the instances it owned; in memory, where each live caller is: the live count of callers in the IVR,
 * {@link com.evscallpro.core.ivr.IvrCallers}, published as {@link com.evscallpro.core.ivr.IvrCallersChanged}), each
 * call's journey through its flow ({@link com.evscallpro.core.ivr.CallJourney}: one row per block, with digits, and
 * per gateway and catch event, with the branch taken) and every time a caller was sent down the safe path
 * ({@link com.evscallpro.core.ivr.SafePathLog}). The runtime that drives live AGI channels is in
 * {@code com.evscallpro.workers.ivr}.
 */
package com.evscallpro.core.ivr;
