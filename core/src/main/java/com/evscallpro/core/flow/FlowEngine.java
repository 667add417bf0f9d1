package com.evscallpro.core.flow;

import java.util.List;

/** What flows need of the process engine: its own validation of a model, and deployment. */
public interface FlowEngine {

    /** Why the engine could not run this BPMN, one reason per problem (element id first when known); empty: none. */
    List<String> validate(String bpmnXml);

    /**
     * Deploys the BPMN (an identical one already deployed is not deployed twice by the engine).
     *
     * @return the key of its process definition, by which instances are started
     * @throws FlowDeployException when the engine refuses it or cannot be reached
     */
    long deploy(String resourceName, String bpmnXml);

    /** The engine refused a deployment or could not be reached. */
    class FlowDeployException extends RuntimeException {
        public FlowDeployException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
