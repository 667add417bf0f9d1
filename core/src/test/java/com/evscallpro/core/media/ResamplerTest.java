package com.evscallpro.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The resampler on pure tones: the pass band keeps its frequency and level, what 8 kHz cannot hold is removed. */
class ResamplerTest {

    private static double[] sine(double hz, int rate, double seconds) {
        double[] s = new double[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = 0.5 * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return s;
    }

    /** RMS of the middle half (the edges see the kernel's start-up). */
    private static double rms(double[] s) {
        double sum = 0;
        int from = s.length / 4;
        int to = 3 * s.length / 4;
        for (int i = from; i < to; i++) {
            sum += s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    private static double crossingsPerSecond(double[] s, int rate) {
        int crossings = 0;
        for (int i = 1; i < s.length; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        return crossings * (double) rate / s.length;
    }

    @Test
    void a_1_khz_tone_at_44_1_khz_stays_a_1_khz_tone_at_8_khz_with_its_level() {
        double[] out = Resampler.resample(sine(1000, 44_100, 1.0), 44_100, 8000);
        assertThat(out).hasSize(8000);
        assertThat(crossingsPerSecond(out, 8000)).isCloseTo(2000, within(4.0));
        assertThat(rms(out)).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
    }

    @Test
    void a_6_khz_tone_above_the_new_nyquist_is_filtered_out_instead_of_folding_back_to_2_khz() {
        double[] out = Resampler.resample(sine(6000, 44_100, 1.0), 44_100, 8000);
        // naive decimation would give a 2 kHz tone at full level (RMS 0.35); the low-pass leaves < -60 dB
        assertThat(rms(out)).isLessThan(0.35 / 1000);
    }

    @Test
    void a_tone_near_the_top_of_the_pass_band_keeps_its_level() {
        double[] out = Resampler.resample(sine(3000, 48_000, 1.0), 48_000, 8000);
        assertThat(crossingsPerSecond(out, 8000)).isCloseTo(6000, within(8.0));
        assertThat(rms(out)).isCloseTo(0.5 / Math.sqrt(2), within(0.02));
    }

    @Test
    void upsampling_from_8_khz_keeps_the_tone_and_equal_rates_copy() {
        double[] in = sine(440, 8000, 0.5);
        double[] up = Resampler.resample(in, 8000, 16_000);
        assertThat(up).hasSize(8000);
        assertThat(crossingsPerSecond(up, 16_000)).isCloseTo(880, within(4.0));
        assertThat(rms(up)).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
        assertThat(Resampler.resample(in, 8000, 8000)).containsExactly(in);
    }
}
