package com.evscallpro.core.pbxconfig;

/**
 * A stored DID with its trunk's name and the flow it runs (null: none; set through IvrRouting). {@code version}: the
 * one to send back with a change (optimistic locking, {@code did.version-mismatch}).
 */
public record Did(long id, String number, long trunkId, String trunkName, String label, DidTargetType targetType,
                  String target, boolean enabled, Long flowId, int version) {

    /** A DID at no known version yet (0). */
    public Did(long id, String number, long trunkId, String trunkName, String label, DidTargetType targetType,
               String target, boolean enabled, Long flowId) {
        this(id, number, trunkId, trunkName, label, targetType, target, enabled, flowId, 0);
    }

    /** A DID that points to no flow. */
    public Did(long id, String number, long trunkId, String trunkName, String label, DidTargetType targetType,
               String target, boolean enabled) {
        this(id, number, trunkId, trunkName, label, targetType, target, enabled, null);
    }

    public DidDefinition toDefinition() {
        return new DidDefinition(number, trunkId, label, targetType, target, enabled);
    }
}
