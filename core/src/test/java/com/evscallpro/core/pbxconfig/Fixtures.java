package com.evscallpro.core.pbxconfig;

import java.util.List;

/** The trunks and DIDs the renderer and applier tests use. */
final class Fixtures {

    private Fixtures() {
    }

    /** Registers, has credentials (with a ';' in the password), a channel limit and three codecs. */
    static TrunkDefinition orange() {
        return new TrunkDefinition("orange", "sip.orange.example", 5060, TrunkTransport.UDP, "0123456789",
                "s3cr;et", "0123456789", "orange.example", List.of("g722", "alaw", "ulaw"), true, null, 30, true);
    }

    /** An IP-authenticated TCP trunk: no credentials, no registration, an outbound proxy. */
    static TrunkDefinition ovh() {
        return new TrunkDefinition("ovh", "192.0.2.10", 5070, TrunkTransport.TCP, null, null, null, null,
                List.of("alaw"), false, "proxy.ovh.example:5080", null, true);
    }

    static TrunkDefinition disabled() {
        return new TrunkDefinition("old", "203.0.113.5", 5060, TrunkTransport.UDP, null, null, null, null,
                List.of("ulaw"), false, null, null, false);
    }

    static Did did(long id, String number, String trunk, String label, DidTargetType type, String target) {
        return new Did(id, number, 0, trunk, label, type, target, true);
    }

    static PbxConfigSnapshot snapshot() {
        return new PbxConfigSnapshot(List.of(ovh(), orange(), disabled()), List.of(
                did(3, "+33198765432", "ovh", "Sales", DidTargetType.QUEUE, "sales"),
                did(1, "+33123456789", "orange", "Support line", DidTargetType.IVR, "ivr"),
                did(2, "+33123456780", "orange", null, DidTargetType.EXTENSION, "2001"),
                did(4, "+33155555555", "old", "Gone", DidTargetType.IVR, "ivr"),
                new Did(5, "+33166666666", 0, "orange", "Off", DidTargetType.IVR, "ivr", false)));
    }
}
