package com.evscallpro.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.telephony.PbxActionException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The kind of a dial failure, from the failures the adapters and the tracker really raise. */
class TechnicalFailureKindTest {

    @Test
    void the_adapters_failures_have_their_kind() {
        assertThat(TechnicalFailureKind.of(new IllegalStateException("The PBX is not connected")))
                .isEqualTo(TechnicalFailureKind.PBX_NOT_CONNECTED);
        assertThat(TechnicalFailureKind.of(new PbxActionException("AMI not connected to pbx:5038")))
                .isEqualTo(TechnicalFailureKind.PBX_NOT_CONNECTED);
        assertThat(TechnicalFailureKind.of(new IOException("AMI connection lost before the PBX accepted the originate")))
                .isEqualTo(TechnicalFailureKind.PBX_CONNECTION_LOST);
        assertThat(TechnicalFailureKind.of(new PbxActionException("Originate could not be sent: Broken pipe",
                new IOException("Broken pipe")))).as("the I/O cause decides").isEqualTo(
                TechnicalFailureKind.PBX_CONNECTION_LOST);
        assertThat(TechnicalFailureKind.of(new PbxActionException("Originate refused by the PBX: Permission denied")))
                .isEqualTo(TechnicalFailureKind.PBX_REFUSED);
        assertThat(TechnicalFailureKind.of(new PbxActionException("Originate: no response from the PBX",
                new TimeoutException()))).isEqualTo(TechnicalFailureKind.PBX_NO_RESPONSE);
        assertThat(TechnicalFailureKind.of(new RuntimeException("boom"))).isEqualTo(TechnicalFailureKind.OTHER);
    }

    @Test
    void codes_round_trip() {
        for (TechnicalFailureKind k : TechnicalFailureKind.values()) {
            assertThat(TechnicalFailureKind.ofCode(k.code())).contains(k);
        }
        assertThat(TechnicalFailureKind.ofCode(null)).isEmpty();
        assertThat(TechnicalFailureKind.ofCode("nonsense")).isEmpty();
    }
}
