package com.evscallpro.telephony.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskTest {

    @Test
    void the_number_inside_a_channel_name_is_masked_and_the_rest_kept() {
        assertThat(LogMask.channel("PJSIP/+33612345678@trunk-00000001"))
                .isEqualTo("PJSIP/+33•••••••78@trunk-00000001");
        assertThat(LogMask.channel("Local/+33612345678@evs-customers-0000000a;1"))
                .isEqualTo("Local/+33•••••••78@evs-customers-0000000a;1");
        assertThat(LogMask.channel("SIP/orange/0612345678")).isEqualTo("SIP/orange/06••••••78");
        assertThat(LogMask.channel("DAHDI/g1/0612345678-1")).isEqualTo("DAHDI/g1/06••••••78-1");
    }

    @Test
    void extensions_sequences_and_unique_ids_are_not_numbers() {
        assertThat(LogMask.channel("PJSIP/2001-00000002")).isEqualTo("PJSIP/2001-00000002");
        assertThat(LogMask.channel("Local/2001@evs-agents-00000003;2")).isEqualTo("Local/2001@evs-agents-00000003;2");
        assertThat(LogMask.channel("call 1796457772.0")).isEqualTo("call 1796457772.0");
        assertThat(LogMask.channel(null)).isNull();
    }

    @Test
    void a_lone_number_keeps_its_prefix_and_last_two_digits() {
        assertThat(LogMask.number("+33612345678")).isEqualTo("+33•••••••78");
        assertThat(LogMask.number("123")).isEqualTo("••••");
    }
}
