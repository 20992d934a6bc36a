package com.podcastinsights.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AwsEmulatorTest {
    @Test
    void aMissingMotoServerFailsWithTheFix(@TempDir Path dir) {
        Path missing = dir.resolve("bin/moto_server");

        var e = assertThrows(IllegalStateException.class, () -> AwsEmulator.startMoto(missing));

        assertEquals("moto_server not found at " + missing + ": run `make venv`", e.getMessage());
    }
}
