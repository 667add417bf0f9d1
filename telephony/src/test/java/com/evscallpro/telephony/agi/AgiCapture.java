package com.evscallpro.telephony.agi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One FastAGI capture ({@code asterisk-transcripts/<scenario>.runN.agi.{recv,sent}.raw}) split for replay: the
 * environment block, the command lines the capture server sent, and for each command the exact bytes Asterisk sent
 * back before the next command (HANGUP lines included, in their wire position).
 */
public record AgiCapture(String scenario, int run, byte[] recv, byte[] sent, String environmentBlock,
                         Map<String, String> environment, List<String> commands, List<String> replyChunks) {

    public static final List<String> SCENARIOS = List.of("08a-fastagi-senddtmf-app", "08b-fastagi-full-script",
            "08c-fastagi-hangup-during-getdata", "08d-fastagi-edge-responses");

    public static AgiCapture load(String scenario, int run) {
        byte[] recv = bytes(scenario, run, "recv.raw");
        byte[] sent = bytes(scenario, run, "sent.raw");
        String text = new String(recv, StandardCharsets.UTF_8);
        int end = text.indexOf("\n\n");
        String envBlock = text.substring(0, end + 2);
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : envBlock.split("\n")) {
            if (!line.isEmpty()) {
                int c = line.indexOf(": ");
                env.put(line.substring(0, c), line.substring(c + 2));
            }
        }
        List<String> commands = new ArrayList<>();
        for (String line : new String(sent, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                commands.add(line);
            }
        }
        List<String> lines = List.of(text.substring(end + 2).split("\n"));
        List<String> chunks = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            cur.append(line).append('\n');
            if (line.equals("HANGUP")) {
                continue;
            }
            if (line.length() > 3 && line.charAt(3) == '-') {
                String code = line.substring(0, 3);
                while (!lines.get(++i).startsWith(code + " ")) {
                    cur.append(lines.get(i)).append('\n');
                }
                cur.append(lines.get(i)).append('\n');
            }
            chunks.add(cur.toString());
            cur.setLength(0);
        }
        if (!cur.isEmpty()) {
            int last = chunks.size() - 1;
            chunks.set(last, chunks.get(last) + cur); // a HANGUP after the last reply
        }
        if (chunks.size() != commands.size()) {
            throw new IllegalStateException(scenario + " run" + run + ": " + chunks.size() + " replies for "
                    + commands.size() + " commands");
        }
        return new AgiCapture(scenario, run, recv, sent, envBlock, env, commands, chunks);
    }

    static byte[] bytes(String scenario, int run, String kind) {
        String path = "/asterisk-transcripts/" + scenario + ".run" + run + ".agi." + kind;
        try (InputStream in = AgiCapture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String env(String key) {
        return environment.get(key);
    }
}
