package com.evscallpro.core.recording;

import com.evscallpro.core.error.EvsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalLong;

/** Recordings as files under one directory (a local disk, or a mounted NAS / NFS share). */
final class FileSystemRecordingStorage implements RecordingStorage {

    private final Path root;

    FileSystemRecordingStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".rec-", ".tmp");
            try {
                Files.write(tmp, content);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new EvsException("recording.storage-failed", key, "cannot rename atomically");
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new EvsException("recording.storage-failed", key, e.getClass().getSimpleName());
        }
    }

    @Override
    public OptionalLong size(String key) {
        Path p = resolve(key);
        try {
            return Files.isRegularFile(p) ? OptionalLong.of(Files.size(p)) : OptionalLong.empty();
        } catch (IOException e) {
            throw new EvsException("recording.storage-failed", key, e.getClass().getSimpleName());
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) {
        Path p = resolve(key);
        try {
            SeekableByteChannel ch = Files.newByteChannel(p);
            ch.position(offset);
            InputStream in = Channels.newInputStream(ch);
            return new java.io.FilterInputStream(in) {
                long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(buf, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new EvsException("recording.storage-failed", key, e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new EvsException("recording.storage-failed", key, e.getClass().getSimpleName());
        }
    }

    @Override
    public Optional<String> problem() {
        try {
            Files.createDirectories(root);
            return Files.isWritable(root) ? Optional.empty() : Optional.of(root + " is not writable");
        } catch (IOException | SecurityException e) {
            return Optional.of(root + ": " + e.getClass().getSimpleName());
        }
    }

    private Path resolve(String key) {
        Path p = root.resolve(checkedKey(key)).normalize();
        if (!p.startsWith(root)) {
            throw new EvsException("recording.bad-key", key);
        }
        return p;
    }

    /** The key when it is one of ours (relative, not climbing out, no backslash), else {@code recording.bad-key}. */
    static String checkedKey(String key) {
        if (key == null || key.isBlank() || key.startsWith("/") || key.contains("..") || key.contains("\\")) {
            throw new EvsException("recording.bad-key", key);
        }
        return key;
    }
}
