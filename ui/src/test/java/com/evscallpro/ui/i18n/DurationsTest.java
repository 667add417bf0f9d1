package com.evscallpro.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void formats_minutes_and_seconds_with_minutes_past_an_hour() {
        assertThat(Durations.mmss(Duration.ofSeconds(0))).isEqualTo("00:00");
        assertThat(Durations.mmss(Duration.ofSeconds(65))).isEqualTo("01:05");
        assertThat(Durations.mmss(Duration.ofMinutes(75).plusSeconds(12))).isEqualTo("75:12");
        assertThat(Durations.mmss(Duration.ofSeconds(-5))).isEqualTo("00:00");
        assertThat(Durations.mmss(null)).isEqualTo("00:00");
    }

    @Test
    void elapsed_since_an_unknown_time_is_zero() {
        Instant now = Instant.parse("2025-01-01T10:00:00Z");
        assertThat(Durations.since(null, now)).isEqualTo("00:00");
        assertThat(Durations.since(now.minusSeconds(125), now)).isEqualTo("02:05");
    }
}
