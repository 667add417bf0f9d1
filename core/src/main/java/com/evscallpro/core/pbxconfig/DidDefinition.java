package com.evscallpro.core.pbxconfig;

/**
 * What an administrator edits for a DID. {@code number} in any form libphonenumber reads (national numbers as
 * French), stored in E.164; {@code target} may be blank for an IVR (the {@code ivr} script).
 */
public record DidDefinition(String number, long trunkId, String label, DidTargetType targetType, String target,
                            boolean enabled) {

    /** An enabled DID to the IVR. */
    public static DidDefinition ivr(String number, long trunkId, String label) {
        return new DidDefinition(number, trunkId, label, DidTargetType.IVR, PbxConfigService.DEFAULT_IVR_SCRIPT,
                true);
    }
}
