package com.evscallpro.core.pbxconfig;

/** A stored DID with its trunk's name. */
public record Did(long id, String number, long trunkId, String trunkName, String label, DidTargetType targetType,
                  String target, boolean enabled) {

    public DidDefinition toDefinition() {
        return new DidDefinition(number, trunkId, label, targetType, target, enabled);
    }
}
