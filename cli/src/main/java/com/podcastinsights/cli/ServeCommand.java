package com.podcastinsights.cli;

import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.local.FileTable;
import com.podcastinsights.local.OutboxMailer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve --data DIR}: the reader web (the deployed Function URL's pages) on 127.0.0.1, on the data dir's
 * table; confirmation emails land in its outbox. Links are signed with the data dir's own key ({@code web-key},
 * made on first use), so a confirmation link still works after a restart.
 */
@Command(name = "serve", description = {"Serve the reader web (sign-up, confirmation, preferences, feedback, archive, unsubscribe) on "
                + "127.0.0.1 for a local data dir; confirmation mail goes to <data>/outbox.", "Stop with Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--data", paramLabel = "DIR", defaultValue = LocalData.DEFAULT_DIR,
            description = "local data dir (same layout as `run --out`); default: ${DEFAULT-VALUE}")
    Path dir;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "loopback port (0: any free one); default: ${DEFAULT-VALUE}")
    int port;

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        var handler = LocalStages.readerWeb(new FileTable(dir.resolve("table")), new OutboxMailer(dir.resolve("outbox")),
                clock, Settings.defaults(), localKeys(dir));
        try (LocalWebServer web = LocalWebServer.start(handler, port)) {
            spec.commandLine().getOut().println("reader web on " + web.base() + " (sign-up: " + web.base()
                    + "subscribe, archive: " + web.base() + "archive); mail goes to " + dir.resolve("outbox") + "; Ctrl-C stops");
            spec.commandLine().getOut().flush();
            new CountDownLatch(1).await(); // until the process is interrupted
        }
        return 0;
    }

    /** The data dir's signing key: made once (owner-only), so links outlive a restart of the server. */
    static UnsubscribeKeys localKeys(Path dir) throws IOException {
        Path file = dir.resolve("web-key");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Files.writeString(file, HexFormat.of().formatHex(raw));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays with the user's default permissions
            }
        }
        return UnsubscribeKeys.parse(Files.readString(file).strip());
    }
}
