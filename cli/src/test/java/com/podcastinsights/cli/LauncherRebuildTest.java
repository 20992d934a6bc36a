package com.podcastinsights.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * bin/podcast-insights rebuilds the jar when a source is newer than it (after a pull), and only then. Run on a
 * copy of the launcher in a scratch project whose JDK finder, Maven wrapper and java are stubs that record calls.
 */
class LauncherRebuildTest {
    private static void executable(Path p, String script) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, script);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String launch(Path root) throws Exception {
        Process p = new ProcessBuilder("bash", root.resolve("bin/podcast-insights").toString(), "--version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aSourceNewerThanTheJarRebuildsItAndAnUpToDateJarIsRunAsItIs(@TempDir Path root) throws Exception {
        Path project = Path.of(System.getProperty("project.root", ".."));
        Files.createDirectories(root.resolve("bin"));
        Files.copy(project.resolve("bin/podcast-insights"), root.resolve("bin/podcast-insights"));
        Path jdk = root.resolve("jdk");
        executable(root.resolve("bin/find-jdk"), "#!/bin/sh\necho " + jdk + "\n");
        executable(jdk.resolve("bin/java"), "#!/bin/sh\necho ran\n");
        Path builds = root.resolve("builds.log");
        executable(root.resolve("mvnw"), "#!/bin/sh\necho built >> " + builds + "\n");
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path source = root.resolve("core/src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}");
        Path jar = root.resolve("cli/target/podcast-insights.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(t));
        Files.setLastModifiedTime(jar, FileTime.from(t.plusSeconds(60)));
        Files.setLastModifiedTime(source, FileTime.from(t.plusSeconds(120)));

        String first = launch(root);
        assertTrue(first.contains("sources changed since it was built") && first.contains("ran"), first);
        assertEquals("built\n", Files.readString(builds));

        String second = launch(root);
        assertEquals("ran\n", second);
        assertEquals("built\n", Files.readString(builds), "an up-to-date jar is not rebuilt");
    }
}
