package com.podcastinsights.cli;

import com.podcastinsights.local.FileTable;
import com.podcastinsights.port.Table;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --data DIR} option of the operator commands. A data dir has the layout of a run's out dir
 * ({@code table/}, {@code bucket/}, {@code outbox/}), so {@code --data out/run} inspects what a run did.
 */
public final class LocalData {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "out/data",
            description = "local data dir (same layout as `run --out`); default: ${DEFAULT-VALUE}")
    Path dir;

    Table table() {
        return new FileTable(dir.resolve("table"));
    }
}
