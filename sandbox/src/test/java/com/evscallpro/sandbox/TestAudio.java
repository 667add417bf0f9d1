package com.evscallpro.sandbox;

import com.evscallpro.core.media.MediaHost;
import com.evscallpro.core.media.MediaHosts;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.core.voicemail.NewVoicemail;
import com.evscallpro.core.voicemail.VoicemailService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** WAV files made with the JDK's writer, multipart uploads, and voicemails left as the IVR would leave them. */
final class TestAudio {

    private TestAudio() {
    }

    /** A sine tone, 16-bit PCM little-endian on every channel. */
    static byte[] tone(double hz, int rate, int channels, double seconds) {
        int frames = (int) (rate * seconds);
        byte[] pcm = new byte[frames * channels * 2];
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                pcm[(i * channels + c) * 2] = (byte) s;
                pcm[(i * channels + c) * 2 + 1] = (byte) (s >> 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm),
                new AudioFormat(rate, 16, channels, true, false), frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static AudioFormat format(byte[] wav) throws Exception {
        return AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav)).getFormat();
    }

    /** A part of a multipart body: a field (file name null) or a file. */
    record Part(String name, String fileName, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sends a multipart/form-data request with a bearer token; answers status, headers and body bytes. */
    static HttpResponse<byte[]> multipart(int port, String method, String path, String token,
                                          Map<String, String> headers, List<Part> parts) throws Exception {
        String boundary = "evs-" + UUID.randomUUID();
        List<byte[]> chunks = new ArrayList<>();
        for (Part p : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"\r\nContent-Type: audio/wav")
                    + "\r\n\r\n";
            chunks.add(head.getBytes(StandardCharsets.UTF_8));
            chunks.add(p.content());
            chunks.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        chunks.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofByteArrays(chunks));
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET with a bearer token, the body as bytes. */
    static HttpResponse<byte[]> getBytes(int port, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A voicemail as the IVR leaves it: Asterisk's RECORD FILE wrote {@code evs-voicemail/<call id>.wav} in the sounds
     * directory of the main site's Asterisk (reached here through {@code evs.media.*}), then the voicemail block
     * collects it.
     */
    static long leaveVoicemail(SandboxTestContext stack, String caller, String did, String mailbox) throws Exception {
        long main = stack.bean(SiteDirectory.class).sites().stream().filter(s -> s.code().equals("main"))
                .findFirst().orElseThrow().id();
        MediaHost host = stack.bean(MediaHosts.class).host(main, null);
        String callId = UUID.randomUUID().toString();
        String path = VoicemailService.recordingPath(callId);
        host.transfer().put(path + ".wav", tone(600, 8000, 1, 1.5));
        return stack.bean(VoicemailService.class).collect(new NewVoicemail(callId, caller, did, mailbox, null,
                Instant.now(), main, null, path));
    }
}
