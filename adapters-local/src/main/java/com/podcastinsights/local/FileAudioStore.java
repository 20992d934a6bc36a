package com.podcastinsights.local;

import com.podcastinsights.port.AudioStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * The audio store on a folder, with the same key layout as the bucket (the local stand-in for S3). The body is
 * copied to a temporary file and moved into place only when complete, so a failed read leaves nothing behind.
 */
public final class FileAudioStore implements AudioStore {
    private final Path root;

    public FileAudioStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public long upload(String key, InputStream body, String contentType) throws IOException {
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root)) throw new IllegalArgumentException("key escapes the store: " + key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), AtomicFiles.TEMP_PREFIX, ".part");
        try {
            long total;
            try (OutputStream out = Files.newOutputStream(temp)) {
                total = body.transferTo(out);
            }
            if (total == 0) throw new IOException("empty body: nothing to store at " + key);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return total;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
