package com.evscallpro.app.pbxconfig;

import com.evscallpro.app.telephony.TelephonySettings;
import com.evscallpro.core.pbxconfig.PbxReloader;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.config.AmiReloader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Core's {@link PbxReloader} over telephony's {@link AmiReloader}, with the AMI access of {@code evs.telephony.ami}:
 * the single Asterisk, or every one of {@code evs.telephony.ami.servers[n]} (fields a server leaves out come from
 * {@code evs.telephony.ami.*}), each reloaded; the reply then names each server ({@code a: Module Reloaded, b: …}),
 * and one refusal fails the reload. Without an AMI host every reload fails with a readable message (the
 * application still starts).
 */
final class AmiPbxReloader implements PbxReloader {

    private final Map<String, AmiReloader> reloaders = new LinkedHashMap<>();

    AmiPbxReloader(TelephonySettings settings) {
        TelephonySettings.Ami ami = settings == null ? null : settings.ami();
        if (ami == null) {
            return;
        }
        if (ami.servers().isEmpty()) {
            if (ami.host() != null) {
                reloaders.put("", reloader(ami.host(), ami.port(), ami.username(), ami.secret()));
            }
            return;
        }
        for (TelephonySettings.Server s : ami.servers()) {
            String host = Objects.requireNonNullElse(s.host(), ami.host());
            if (host != null) {
                reloaders.put(s.id() == null ? host : s.id(), reloader(host,
                        s.port() != null ? s.port() : ami.port(), Objects.requireNonNullElse(s.username(),
                                Objects.requireNonNullElse(ami.username(), "")),
                        Objects.requireNonNullElse(s.secret(), Objects.requireNonNullElse(ami.secret(), ""))));
            }
        }
    }

    private static AmiReloader reloader(String host, Integer port, String username, String secret) {
        return new AmiReloader(AmiSettings.of(host, port == null ? 5038 : port, username == null ? "" : username,
                secret == null ? "" : secret));
    }

    /** The servers reloaded, by id ("" for the single server). */
    List<String> servers() {
        return List.copyOf(reloaders.keySet());
    }

    @Override
    public CompletableFuture<String> reload(String module) {
        if (reloaders.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "evs.telephony.ami.host is not set: cannot ask Asterisk to reload"));
        }
        if (reloaders.size() == 1 && reloaders.containsKey("")) {
            return reloaders.get("").reload(module);
        }
        List<String> ids = new ArrayList<>(reloaders.keySet());
        List<CompletableFuture<String>> replies = ids.stream()
                .map(id -> reloaders.get(id).reload(module)
                        .handle((reply, error) -> {
                            if (error != null) {
                                Throwable cause = error instanceof CompletionException && error.getCause() != null
                                        ? error.getCause() : error;
                                throw new IllegalStateException(id + ": " + cause.getMessage(), cause);
                            }
                            return id + ": " + reply;
                        }))
                .toList();
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .thenApply(done -> String.join(", ", replies.stream().map(CompletableFuture::join).toList()));
    }
}
