package com.evscallpro.core.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Real WAV files made in the test with the JDK's own writer, and measures on what comes back. */
public final class TestWavs {

    private TestWavs() {
    }

    /** A sine tone, 16-bit signed little-endian PCM, on every channel, at amplitude 0.5. */
    public static byte[] tone(double hz, int rate, int channels, double seconds) {
        int frames = (int) (rate * seconds);
        byte[] pcm = new byte[frames * channels * 2];
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                pcm[at] = (byte) s;
                pcm[at + 1] = (byte) (s >> 8);
            }
        }
        return write(pcm, new AudioFormat(rate, 16, channels, true, false), frames);
    }

    /** A sine tone at 8 kHz, mono, encoded in µ-law by the JDK's codec. */
    public static byte[] ulawTone(double hz, double seconds) throws Exception {
        byte[] pcm16 = tone(hz, 8000, 1, seconds);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(pcm16));
             AudioInputStream ulaw = AudioSystem.getAudioInputStream(AudioFormat.Encoding.ULAW, in)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(ulaw, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        }
    }

    static byte[] write(byte[] pcm, AudioFormat format, int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The 16-bit mono samples of a WAV, read back by the JDK, with its format checked by the caller. */
    public static short[] samples(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            byte[] data = in.readAllBytes();
            short[] out = new short[data.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) ((data[2 * i] & 0xff) | (data[2 * i + 1] << 8));
            }
            return out;
        }
    }

    public static AudioFormat format(byte[] wav) throws Exception {
        return AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav)).getFormat();
    }

    /** Sign changes per second: twice the frequency of a pure tone. */
    public static double crossingsPerSecond(short[] s, int rate) {
        int crossings = 0;
        for (int i = 1; i < s.length; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
        }
        return crossings * (double) rate / s.length;
    }
}
