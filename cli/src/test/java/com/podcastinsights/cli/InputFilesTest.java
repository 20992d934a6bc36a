package com.podcastinsights.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputFilesTest {
    @Test
    void theCapIsOnTheBytesReadNotOnWhatStatSays() throws Exception {
        // a regular file whose size says 0 and whose content is several hundred bytes
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "no /proc here");
        IOException e = assertThrows(IOException.class, () -> InputFiles.read(status, 16, "feed"));
        assertTrue(e.getMessage().contains("larger than the 16-byte cap"), e.getMessage());
    }

    @Test
    void aFileAtTheCapIsReadWholeAndOneByteMoreIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f");
        Files.write(f, new byte[100]);
        assertArrayEquals(new byte[100], InputFiles.read(f, 100, "feed"));
        assertThrows(IOException.class, () -> InputFiles.read(f, 99, "feed"));
        IOException missing = assertThrows(IOException.class, () -> InputFiles.read(dir.resolve("nope"), 99, "feed"));
        assertTrue(missing.getMessage().startsWith("no such feed"), missing.getMessage());
        IOException folder = assertThrows(IOException.class, () -> InputFiles.read(dir, 99, "feed"));
        assertTrue(folder.getMessage().contains("not a regular file"), folder.getMessage());
    }
}
