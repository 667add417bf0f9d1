package com.evscallpro.core.media;

import com.evscallpro.core.error.EvsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link MediaTransfer} over a directory the application can write: the Asterisk host's sounds directory mounted here
 * (NFS, SMB, sshfs) or, on a single machine, the sounds directory itself. Files are written to a hidden temporary
 * file in the target's directory, forced to disk, made readable by all ({@code rw-r--r--}: Asterisk runs as its own
 * user) and renamed over the target ({@code ATOMIC_MOVE}): Asterisk never reads a half-written prompt.
 */
public final class FileSystemMediaTransfer implements MediaTransfer {

    private final Path root;

    public FileSystemMediaTransfer(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public List<MediaFile> list(String directory) {
        Path dir = resolve(directory.isEmpty() ? "." : directory);
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw failed(directory, new java.nio.file.NotDirectoryException(root.toString()));
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<MediaFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                files.add(new MediaFile(root.relativize(p).toString().replace('\\', '/'), Files.size(p)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw failed(directory, e);
        }
        return files;
    }

    @Override
    public void put(String path, byte[] content) {
        Path target = resolve(path);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system (SMB): the share's own rights apply
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
            }
            temp = null;
        } catch (IOException e) {
            throw failed(path, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray hidden temp file is harmless: Asterisk never plays it, list() skips it
                }
            }
        }
    }

    @Override
    public Optional<byte[]> get(String path) {
        Path file = resolve(path);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failed(path, e);
        }
    }

    @Override
    public boolean delete(String path) {
        try {
            return Files.deleteIfExists(resolve(path));
        } catch (IOException e) {
            throw failed(path, e);
        }
    }

    private Path resolve(String path) {
        if (path == null || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            throw new EvsException("media.bad-path", String.valueOf(path));
        }
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root)) {
            throw new EvsException("media.bad-path", path);
        }
        return p;
    }

    private EvsException failed(String path, Exception e) {
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new EvsException(e, "media.io-failed", root, path, reason);
    }
}
