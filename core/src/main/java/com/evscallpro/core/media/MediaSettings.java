package com.evscallpro.core.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code evs.media.*}: where the sounds directory of each Asterisk host is reached from the application, and the
 * limits of audio files (docs/prompts.md).
 *
 * @param root                 where the hosts not listed in {@code hosts} are: {@code <root>/<site code>/<server id>}
 *                             (default {@code data/asterisk-sounds}; on a single machine point the one host at
 *                             {@code /var/lib/asterisk/sounds} with {@code hosts})
 * @param asteriskSoundsDir    the sounds directory as Asterisk itself sees it (default {@code /var/lib/asterisk/sounds}):
 *                             an absolute recording path under it maps to the same relative path here
 * @param hosts                per Asterisk server ({@code site} = site code, {@code server} = its AMI server id): the
 *                             mounted directory ({@code dir}), and optionally its own {@code asterisk-sounds-dir}
 * @param languages            the languages prompts are offered in (default fr, en)
 * @param maxUploadSize        largest uploaded WAV (default 20MB)
 * @param maxPromptDuration    longest prompt (default 5 minutes)
 * @param maxVoicemailDuration longest voicemail collected (default 10 minutes)
 */
@ConfigurationProperties("evs.media")
public record MediaSettings(Path root, String asteriskSoundsDir, List<Host> hosts, List<String> languages,
                            DataSize maxUploadSize, Duration maxPromptDuration, Duration maxVoicemailDuration) {

    public MediaSettings {
        root = root == null ? Path.of("data", "asterisk-sounds") : root;
        asteriskSoundsDir = asteriskSoundsDir == null || asteriskSoundsDir.isBlank() ? "/var/lib/asterisk/sounds"
                : asteriskSoundsDir;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        languages = languages == null || languages.isEmpty() ? List.of("fr", "en") : List.copyOf(languages);
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(20) : maxUploadSize;
        maxPromptDuration = maxPromptDuration == null ? Duration.ofMinutes(5) : maxPromptDuration;
        maxVoicemailDuration = maxVoicemailDuration == null ? Duration.ofMinutes(10) : maxVoicemailDuration;
    }

    /** The defaults. */
    public static MediaSettings defaults() {
        return new MediaSettings(null, null, null, null, null, null, null);
    }

    /** One Asterisk server's sounds directory as mounted here. */
    public record Host(String site, String server, Path dir, String asteriskSoundsDir) {
    }
}
