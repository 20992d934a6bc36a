package com.podcastinsights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds template.yaml, whose EventBridge rules the local bus applies. Looked for, in order: the explicit
 * path, the project root the launcher passes ({@code -Dpodcast.insights.root}), then the working directory
 * and its parents.
 */
final class TemplateLocator {
    static final String ROOT_PROPERTY = "podcast.insights.root";

    private TemplateLocator() {
    }

    static Path find(Path explicit) {
        if (explicit != null) {
            if (Files.isRegularFile(explicit)) return explicit;
            throw new IllegalStateException("template not found: " + explicit);
        }
        List<Path> tried = new ArrayList<>();
        String root = System.getProperty(ROOT_PROPERTY);
        if (root != null && !root.isBlank()) {
            Path candidate = Path.of(root, "template.yaml");
            if (Files.isRegularFile(candidate)) return candidate;
            tried.add(candidate);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) return candidate;
            tried.add(candidate);
        }
        throw new IllegalStateException("template.yaml not found (looked at " + tried
                + "); the local bus routes events by its rules: run inside the project checkout"
                + " (bin/podcast-insights points there) or pass --template FILE");
    }
}
