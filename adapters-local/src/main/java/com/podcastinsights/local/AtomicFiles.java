package com.podcastinsights.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that a concurrent reader never sees half done: content goes to a temporary file in the same folder first.
 * Temporary names start with {@link #TEMP_PREFIX}, which no stored name does, so listings skip them.
 */
final class AtomicFiles {
    static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {
    }

    static boolean isTemp(Path p) {
        return p.getFileName().toString().startsWith(TEMP_PREFIX);
    }

    /** Writes or replaces {@code target}. */
    static void write(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = temp(target, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Writes {@code target} only if it does not exist. A hard link from the complete temporary file is both
     * exclusive (link(2) fails when the name exists, across processes too) and all-or-nothing for readers.
     */
    static boolean writeIfAbsent(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = temp(target, content);
            try {
                Files.createLink(target, temp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException noHardLinks) {
                return writeNew(target, content);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    // Still exclusive where hard links are missing, though a reader may then see the file while it is written.
    private static boolean writeNew(Path target, byte[] content) throws IOException {
        try {
            Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static Path temp(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".part");
        Files.write(temp, content);
        return temp;
    }
}
