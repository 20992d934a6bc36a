package com.podcastinsights.hostile;

import com.podcastinsights.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CLI inputs that are not regular files. {@code /dev/zero} reports size 0, so a size check on {@code stat}
 * passes it and a read of the whole file never ends (OutOfMemoryError); a FIFO with no writer blocks in open(2)
 * for ever. Every command that reads a file must refuse both at once, with a message, and exit non-zero. The
 * timeout only turns the old hang into a failure; the refusal itself takes no measurable time.
 */
class HostileCliInputTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    /** Every command line that reads a file, with the file as {@code %s}. */
    static Stream<String> commands() {
        return Stream.of("feed inspect %s", "transcript inspect %s", "extract %s", "extract --notes %s REAL",
                "feeds import %s --data DATA", "run --feeds %s --out DATA");
    }

    private static String[] args(String template, Path input, Path dir) throws Exception {
        Path real = dir.resolve("real.txt");
        if (!Files.exists(real)) Files.writeString(real, "Host: A claim that holds because the evidence shows it.\n");
        List<String> out = new ArrayList<>();
        for (String a : template.split(" ")) {
            out.add(a.replace("%s", input.toString()).replace("REAL", real.toString())
                    .replace("DATA", dir.resolve("data").toString()));
        }
        return out.toArray(String[]::new);
    }

    private static void assertRefused(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(HANG,
                () -> Main.run(new PrintWriter(out), new PrintWriter(err), args), String.join(" ", args));
        assertNotEquals(0, code, String.join(" ", args) + ": " + out);
        assertTrue(err.toString().contains("not a regular file"), String.join(" ", args) + ": " + err);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void devZeroIsRefusedNotReadUntilMemoryRunsOut(String command, @TempDir Path dir) throws Exception {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertRefused(args(command, zero, dir));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aFifoWithNoWriterIsRefusedWithoutWaitingForOne(String command, @TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("input.fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no mkfifo here: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        assertRefused(args(command, fifo, dir));
    }
}
