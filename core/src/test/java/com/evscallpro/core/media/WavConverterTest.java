package com.evscallpro.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.evscallpro.core.error.EvsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

/** Real WAV files written by the JDK, converted and read back by the JDK. */
class WavConverterTest {

    private static final long MAX = 20_000_000;
    private static final Duration FIVE_MIN = Duration.ofMinutes(5);

    @Test
    void a_44_1_khz_stereo_wav_becomes_8_khz_mono_16_bit_and_its_1_khz_tone_stays_1_khz() throws Exception {
        byte[] upload = TestWavs.tone(1000, 44_100, 2, 2.0);
        ConvertedAudio converted = WavConverter.toAsteriskWav(upload, MAX, FIVE_MIN);

        AudioFormat f = TestWavs.format(converted.wav());
        assertThat(f.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(f.getSampleRate()).isEqualTo(8000f);
        assertThat(f.getChannels()).isEqualTo(1);
        assertThat(f.getSampleSizeInBits()).isEqualTo(16);
        assertThat(f.isBigEndian()).isFalse();
        short[] samples = TestWavs.samples(converted.wav());
        assertThat(samples).hasSize(16_000);
        assertThat(TestWavs.crossingsPerSecond(samples, 8000)).isCloseTo(2000, within(4.0));
        assertThat(converted.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(converted.sourceFormat()).isEqualTo("PCM_SIGNED 44100 Hz 16-bit 2 ch");
        assertThat(converted.targetFormat()).isEqualTo("PCM_SIGNED 8000 Hz 16-bit 1 ch");
        assertThat(converted.converted()).isTrue();
        assertThat(converted.checksum()).isEqualTo(WavConverter.sha256(converted.wav())).hasSize(64);
    }

    @Test
    void a_mu_law_wav_is_decoded_and_an_asterisk_ready_wav_is_kept_as_it_is() throws Exception {
        ConvertedAudio ulaw = WavConverter.toAsteriskWav(TestWavs.ulawTone(500, 1.0), MAX, FIVE_MIN);
        assertThat(ulaw.sourceFormat()).startsWith("ULAW 8000 Hz 8-bit 1 ch");
        assertThat(TestWavs.crossingsPerSecond(TestWavs.samples(ulaw.wav()), 8000)).isCloseTo(1000, within(4.0));

        byte[] ready = TestWavs.tone(440, 8000, 1, 1.0);
        ConvertedAudio same = WavConverter.toAsteriskWav(ready, MAX, FIVE_MIN);
        assertThat(same.converted()).isFalse();
        assertThat(TestWavs.samples(same.wav())).containsExactly(TestWavs.samples(ready));
    }

    @Test
    void a_text_file_renamed_wav_is_refused_as_not_a_wav() {
        byte[] text = "Bonjour, ceci n'est pas un fichier audio.\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WavConverter.toAsteriskWav(text, MAX, FIVE_MIN))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("audio.not-wav"));
        byte[] fakeHeader = "RIFF\0\0\0\0WAVEjunk and more junk".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> WavConverter.toAsteriskWav(fakeHeader, MAX, FIVE_MIN))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).startsWith("audio."));
    }

    @Test
    void too_large_too_long_and_empty_files_are_refused_with_their_codes() {
        byte[] wav = TestWavs.tone(440, 8000, 1, 3.0);
        assertThatThrownBy(() -> WavConverter.toAsteriskWav(wav, 1000, FIVE_MIN))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("audio.too-large");
                    assertThat(e.args()).containsExactly(wav.length, 1000L);
                });
        assertThatThrownBy(() -> WavConverter.toAsteriskWav(wav, MAX, Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("audio.too-long");
                    assertThat(e.args()).containsExactly(3L, 2L);
                });
        assertThatThrownBy(() -> WavConverter.toAsteriskWav(new byte[0], MAX, FIVE_MIN))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("audio.empty"));
    }
}
