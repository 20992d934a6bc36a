package com.podcastinsights.local;

import com.podcastinsights.port.BlobStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The blob store in a folder: key {@code a/b/c.json} is the file {@code root/a/b/c.json}, so a local run's output
 * has the bucket's layout. Keys that could escape the root or be read differently by the file system are refused.
 * The content type is not kept: nothing reads it back. Unlike S3, a key cannot also be the folder of another key
 * ({@code a} and {@code a/b}); the bucket layout in {@code Keys} never does that.
 */
public final class FileBlobStore implements BlobStore {
    private final Path root;

    public FileBlobStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        AtomicFiles.write(path(key), content);
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.isDirectory(path(key))) return Optional.empty();
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !AtomicFiles.isTemp(p))
                    .map(this::key).filter(k -> k.startsWith(prefix))
                    .sorted(Utf8Order.COMPARATOR).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private String key(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private Path path(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")
                || key.contains("//") || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("unsafe blob key: " + key);
        }
        for (String segment : key.split("/")) {
            if (segment.equals(".") || segment.equals("..") || segment.startsWith(AtomicFiles.TEMP_PREFIX)) {
                throw new IllegalArgumentException("unsafe blob key: " + key);
            }
        }
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || p.equals(root)) throw new IllegalArgumentException("unsafe blob key: " + key);
        return p;
    }
}
