package com.evscallpro.workers.ivr;

/**
 * One IVR block: a job type {@code ivr.<name>.<node>} whose jobs run on a virtual thread with the call's live channel.
 * It reads its inputs from the step, sends AGI commands, and either returns (the job completes with the step's
 * outputs) or throws an {@link IvrError} (a BPMN error the flow catches). Any other exception is a technical failure:
 * the caller goes down the safe path.
 */
interface IvrBlock {

    /** The block's name in its job type: {@code play}, {@code menu}… */
    String name();

    void run(IvrStep step) throws Exception;
}
