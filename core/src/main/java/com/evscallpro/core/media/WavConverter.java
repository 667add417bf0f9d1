package com.evscallpro.core.media;

import com.evscallpro.core.error.EvsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Checks that a file really is a RIFF/WAVE file of PCM (integer 8 to 32 bits, or float), A-law or µ-law samples
 * ({@code javax.sound.sampled} reads it), and converts it to what Asterisk plays without transcoding: 8 kHz, mono,
 * 16-bit signed little-endian PCM in a WAV file. Channels are averaged (downmix), the rate is converted by
 * {@link Resampler}, samples are rounded and clipped to 16 bits. Refusals are {@link EvsException}s:
 * <ul>
 *   <li>{@code audio.empty}: no bytes or no samples;</li>
 *   <li>{@code audio.too-large} (size in bytes, maximum);</li>
 *   <li>{@code audio.not-wav}: not a RIFF/WAVE file (a text file renamed .wav, an MP3, an AIFF…);</li>
 *   <li>{@code audio.unsupported-encoding} (what the file says): a WAV of another encoding (ADPCM, GSM, MP3 in WAV…);</li>
 *   <li>{@code audio.unsupported-rate} (rate): below 4 kHz or above 384 kHz;</li>
 *   <li>{@code audio.too-long} (seconds, maximum seconds).</li>
 * </ul>
 */
public final class WavConverter {

    public static final int TARGET_RATE = 8000;
    public static final String TARGET_FORMAT = describe(Encoding.PCM_SIGNED, TARGET_RATE, 16, 1);
    public static final AudioFormat TARGET = new AudioFormat(Encoding.PCM_SIGNED, TARGET_RATE, 16, 1, 2, TARGET_RATE,
            false);

    private WavConverter() {
    }

    /**
     * @param maxBytes    largest file accepted
     * @param maxDuration longest audio accepted
     */
    public static ConvertedAudio toAsteriskWav(byte[] file, long maxBytes, Duration maxDuration) {
        if (file == null || file.length == 0) {
            throw new EvsException("audio.empty");
        }
        if (file.length > maxBytes) {
            throw new EvsException("audio.too-large", file.length, maxBytes);
        }
        if (file.length < 12 || !ascii(file, 0).equals("RIFF") || !ascii(file, 8).equals("WAVE")) {
            throw new EvsException("audio.not-wav");
        }
        try (Opened opened = open(file)) {
            AudioInputStream in = opened.pcm();
            AudioFormat source = opened.original();
            String sourceFormat = describe(source.getEncoding(), Math.round(source.getSampleRate()),
                    source.getSampleSizeInBits(), source.getChannels());
            int rate = Math.round(source.getSampleRate());
            if (rate < 4000 || rate > 384_000) {
                throw new EvsException("audio.unsupported-rate", rate);
            }
            long frames = in.getFrameLength();
            if (frames != AudioSystem.NOT_SPECIFIED && frames * 1000 / rate > maxDuration.toMillis()) {
                throw new EvsException("audio.too-long", frames / rate, maxDuration.toSeconds());
            }
            double[] mono = monoSamples(in);
            if (mono.length == 0) {
                throw new EvsException("audio.empty");
            }
            if ((long) mono.length * 1000 / rate > maxDuration.toMillis()) {
                throw new EvsException("audio.too-long", mono.length / rate, maxDuration.toSeconds());
            }
            double[] resampled = Resampler.resample(mono, rate, TARGET_RATE);
            byte[] wav = wav(resampled);
            return new ConvertedAudio(wav, Duration.ofMillis(resampled.length * 1000L / TARGET_RATE), sourceFormat,
                    TARGET_FORMAT, sha256(wav));
        } catch (IOException e) {
            throw new EvsException(e, "audio.not-wav");
        }
    }

    /** A human-neutral format line: {@code PCM_SIGNED 44100 Hz 16-bit 2 ch}. */
    public static String describe(Encoding encoding, int rate, int bits, int channels) {
        return encoding + " " + rate + " Hz " + bits + "-bit " + channels + " ch";
    }

    /** SHA-256, hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file as an audio stream of PCM; A-law and µ-law decoded to 16-bit PCM by the JDK's codecs. */
    private static Opened open(byte[] file) throws IOException {
        AudioInputStream in;
        try {
            AudioFileFormat type = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(file));
            if (type.getType() != AudioFileFormat.Type.WAVE) {
                throw new EvsException("audio.not-wav");
            }
            in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(file));
        } catch (UnsupportedAudioFileException e) {
            throw new EvsException(e, "audio.unsupported-encoding", formatTag(file));
        }
        Encoding encoding = in.getFormat().getEncoding();
        if (encoding.equals(Encoding.ULAW) || encoding.equals(Encoding.ALAW)) {
            AudioFormat f = in.getFormat();
            AudioFormat pcm = new AudioFormat(Encoding.PCM_SIGNED, f.getSampleRate(), 16, f.getChannels(),
                    2 * f.getChannels(), f.getSampleRate(), false);
            return new Opened(AudioSystem.getAudioInputStream(pcm, in), f);
        }
        if (!encoding.equals(Encoding.PCM_SIGNED) && !encoding.equals(Encoding.PCM_UNSIGNED)
                && !encoding.equals(Encoding.PCM_FLOAT)) {
            in.close();
            throw new EvsException("audio.unsupported-encoding", encoding.toString());
        }
        return new Opened(in, in.getFormat());
    }

    /** Every frame averaged over its channels, in [-1, 1]. */
    private static double[] monoSamples(AudioInputStream in) throws IOException {
        AudioFormat f = in.getFormat();
        byte[] data = in.readAllBytes();
        int bytesPerSample = (f.getSampleSizeInBits() + 7) / 8;
        int channels = f.getChannels();
        int frameSize = bytesPerSample * channels;
        if (bytesPerSample < 1 || bytesPerSample > 8 || channels < 1) {
            throw new EvsException("audio.unsupported-encoding", f.toString());
        }
        int frames = data.length / frameSize;
        boolean big = f.isBigEndian();
        boolean isFloat = f.getEncoding().equals(Encoding.PCM_FLOAT);
        boolean unsigned = f.getEncoding().equals(Encoding.PCM_UNSIGNED) || (bytesPerSample == 1
                && !f.getEncoding().equals(Encoding.PCM_SIGNED));
        double scale = Math.pow(2, bytesPerSample * 8 - 1);
        double[] out = new double[frames];
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = i * frameSize + c * bytesPerSample;
                long raw = 0;
                for (int b = 0; b < bytesPerSample; b++) {
                    int v = data[at + (big ? b : bytesPerSample - 1 - b)] & 0xff;
                    raw = (raw << 8) | v;
                }
                double sample;
                if (isFloat) {
                    sample = bytesPerSample == 4 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
                } else if (unsigned) {
                    sample = (raw - scale) / scale;
                } else {
                    long signed = (raw << (64 - bytesPerSample * 8)) >> (64 - bytesPerSample * 8);
                    sample = signed / scale;
                }
                sum += sample;
            }
            out[i] = sum / channels;
        }
        return out;
    }

    /** 16-bit signed little-endian mono WAV at the target rate; samples rounded and clipped. */
    static byte[] wav(double[] samples) {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            long v = Math.round(samples[i] * 32768.0);
            short s = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 44);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), TARGET, samples.length)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a WAV in memory", e);
        }
        return out.toByteArray();
    }

    /** The format tag of the WAV's fmt chunk, for the refusal's text ({@code 0x0011} = IMA ADPCM…). */
    private static String formatTag(byte[] file) {
        int at = 12;
        while (at + 8 <= file.length) {
            String id = ascii(file, at);
            int size = (file[at + 4] & 0xff) | (file[at + 5] & 0xff) << 8 | (file[at + 6] & 0xff) << 16
                    | (file[at + 7] & 0xff) << 24;
            if (id.equals("fmt ") && at + 10 <= file.length) {
                int tag = (file[at + 8] & 0xff) | (file[at + 9] & 0xff) << 8;
                return String.format("0x%04X", tag);
            }
            if (size < 0) {
                break;
            }
            at += 8 + size + (size & 1);
        }
        return "?";
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    /** The PCM stream to read, and the format the file itself has (A-law / µ-law before decoding). */
    private record Opened(AudioInputStream pcm, AudioFormat original) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            pcm.close();
        }
    }
}
