package com.evscallpro.core.media;

import java.util.List;
import java.util.Optional;

/**
 * Files in the sounds directory of one Asterisk host ({@code /var/lib/asterisk/sounds} on that host), by paths
 * relative to it with {@code /} separators ({@code fr/evs/welcome.wav}, {@code evs-voicemail/<call id>.wav}); a path
 * that is absolute or climbs out ({@code ..}) is refused with {@code media.bad-path} (path). Failures are
 * {@link com.evscallpro.core.error.EvsException}s {@code media.io-failed} (location, path, reason).
 */
public interface MediaTransfer {

    /** Where the files go, for screens and logs ({@code /mnt/ast-1/sounds}, {@code sftp://…}). */
    String location();

    /** Every file under {@code directory} (recursively; hidden and temporary files left out); empty when absent. */
    List<MediaFile> list(String directory);

    /** Writes the file atomically: a temporary file next to it, then a rename over the old one. */
    void put(String path, byte[] content);

    /** The file's bytes, empty when there is no such file. */
    Optional<byte[]> get(String path);

    /** Removes the file; answers whether there was one. */
    boolean delete(String path);

    /** A file: its relative path and size in bytes. */
    record MediaFile(String path, long size) {
    }
}
