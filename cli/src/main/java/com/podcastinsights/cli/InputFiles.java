package com.podcastinsights.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every file the CLI reads goes through here: a regular file, read through a size cap.
 *
 * <p>The cap is enforced on the bytes read, never on what {@code stat} says: {@code /dev/zero} and files under
 * {@code /proc} report size 0 and never end or end late, and a file can grow after it was measured. At most
 * {@code cap + 1} bytes are read, so the worst case is one cap of memory.
 *
 * <p>Devices, FIFOs and sockets are refused before they are opened. Opening a FIFO blocks in open(2) until a
 * writer comes, and that call cannot be interrupted or timed out from Java: a timeout would leave a thread stuck
 * in the kernel. Refusing is immediate and deterministic; the price is that {@code <(command)} (a pipe) is not
 * accepted, and the message says to save the input to a file (or, for a feed or transcript, to pass its URL).
 */
final class InputFiles {
    private InputFiles() {
    }

    /** The file's bytes; an IOException with a clear message when it is missing, not a regular file, or too large. */
    static byte[] read(Path file, long cap, String what) throws IOException {
        if (!Files.exists(file)) throw new IOException("no such " + what + ": " + file);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file (a directory, device, FIFO or socket); "
                    + "save the input to a file and pass that");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, cap + 1 - out.size()))) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > cap) {
                    throw new IOException(file + " is larger than the " + cap + "-byte cap");
                }
            }
        }
        return out.toByteArray();
    }
}
