package com.evscallpro.core.ivr;

/**
 * Where a DID's calls go: the flow it points to ({@code processId} null when it points to none).
 *
 * @param siteId the site whose trunk delivers the DID (its Asterisk hosts write the recordings), null when unknown
 */
public record IvrRoute(long didId, String did, String label, Long flowId, String processId, Long siteId) {

    public boolean hasFlow() {
        return processId != null;
    }
}
