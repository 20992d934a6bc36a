package com.podcastinsights.feed;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference corpus of real feeds and date cases at {@code ../shared/corpus} from the project root (or
 * {@code $PODCAST_INSIGHTS_CORPUS}). It is not part of the project: tests that read it skip when it is absent.
 */
public final class Corpus {
    private Corpus() {
    }

    /** The corpus dir, or null when there is none. */
    public static Path dir() {
        String env = System.getenv("PODCAST_INSIGHTS_CORPUS");
        if (env != null && Files.isDirectory(Path.of(env))) return Path.of(env);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && p.getParent() != null) {
                Path c = p.getParent().resolve("shared/corpus");
                return Files.isDirectory(c) ? c : null;
            }
        }
        return null;
    }

    /** {@code relative} inside the corpus; skips the calling test when it is not there. */
    public static Path require(String relative) {
        Path d = dir();
        assumeTrue(d != null && Files.exists(d.resolve(relative)), "reference corpus not present: " + relative);
        return d.resolve(relative);
    }
}
