package com.podcastinsights.digest;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium} in headless mode, with nothing that talks to the network and a fresh profile per
 * call. Tests skip (with the reason) only when no chromium binary exists; .ci/run installs it.
 */
final class HeadlessChromium {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--mute-audio");
    private final String binary;

    private HeadlessChromium(String binary) {
        this.binary = binary;
    }

    static HeadlessChromium findOrSkip() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) return new HeadlessChromium(candidate);
        }
        Assumptions.abort("no chromium found (/usr/bin/chromium): the browser check of the email is skipped; "
                + "`apt-get install chromium` (what .ci/run does) enables it");
        return null;
    }

    /** The DOM after load, scripts run, of {@code page} in a window of {@code width} x {@code height}. */
    String dumpDom(Path page, int width, int height) throws IOException, InterruptedException {
        return run(page, width, height, List.of("--dump-dom", "--virtual-time-budget=2000"));
    }

    /** A screenshot of the window's top-left {@code cropWidth} x {@code height} pixels, as PNG. */
    void screenshot(Path page, int width, int height, int cropWidth, Path png) throws IOException, InterruptedException {
        Path raw = Files.createTempFile("screenshot", ".png");
        try {
            run(page, width, height, List.of("--screenshot=" + raw.toAbsolutePath()));
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(raw.toFile());
            if (image == null) throw new IllegalStateException("chromium wrote no screenshot");
            Files.createDirectories(png.toAbsolutePath().getParent());
            javax.imageio.ImageIO.write(image.getSubimage(0, 0, Math.min(cropWidth, image.getWidth()),
                    Math.min(height, image.getHeight())), "png", png.toFile());
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private String run(Path page, int width, int height, List<String> extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            List<String> cmd = new ArrayList<>(List.of(binary));
            cmd.addAll(FLAGS);
            cmd.add("--user-data-dir=" + profile);
            cmd.add("--window-size=" + width + "," + height);
            cmd.addAll(extra);
            cmd.add(page.toUri().toString());
            Path out = profile.resolve("stdout.txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish in 90 s: " + cmd);
            }
            if (p.exitValue() != 0) throw new IllegalStateException("chromium exited " + p.exitValue() + ": " + cmd);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
