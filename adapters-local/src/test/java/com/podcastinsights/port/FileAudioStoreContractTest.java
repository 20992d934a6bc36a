package com.podcastinsights.port;

import com.podcastinsights.local.FileAudioStore;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

class FileAudioStoreContractTest extends AudioStoreContract {
    @TempDir
    Path root;

    @Override
    protected AudioStore newStore() {
        return new FileAudioStore(root);
    }

    @Override
    protected Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected boolean leftovers() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected int chunkSize() {
        return 8192;
    }
}
