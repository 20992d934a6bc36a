package com.podcastinsights.cli;

import com.podcastinsights.feed.FeedFormatException;
import com.podcastinsights.feed.FeedParser;
import com.podcastinsights.feed.FeedItem;
import com.podcastinsights.feed.ParsedFeed;
import com.podcastinsights.http.HttpPolicy;
import com.podcastinsights.http.HttpResult;
import com.podcastinsights.http.SafeHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code feed inspect URL|FILE [--json]}: fetch (through the same guarded client as FetchFeeds) or read a
 * feed and print what the parser makes of it. Exit 1 when the feed cannot be fetched or parsed.
 */
@Command(name = "inspect", description = "Parse a feed (http(s) URL or local file) and print it; --json prints the shape of docs/feed-json.md.")
public final class FeedInspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "URL|FILE", description = "an http(s) feed URL or a path to a feed file")
    String source;
    @Option(names = "--json", description = "print the parsed feed as JSON")
    boolean json;
    @Option(names = "--base", paramLabel = "URL", description = "for a file: the URL relative links resolve against")
    URI base;
    @Option(names = "--allow-loopback", description = "allow a feed on 127.0.0.1 (local testing only)")
    boolean allowLoopback;

    @Override
    public Integer call() throws IOException {
        ParsedFeed feed;
        try {
            feed = OpmlReader.isHttp(source) ? fetch(URI.create(source.trim())) : read(Path.of(source));
        } catch (FeedFormatException e) {
            spec.commandLine().getErr().println("error: " + source + ": " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(FeedJson.write(feed));
        } else {
            out.printf("%s  (%d episodes)%n", feed.title() == null ? "(untitled)" : feed.title(), feed.items().size());
            if (feed.newFeedUrl() != null) out.println("moved to: " + feed.newFeedUrl());
            for (FeedItem item : feed.items()) {
                out.printf("%-20s  %s%n", item.publishedAt() == null ? "(no date)" : item.publishedAt(),
                        item.title() == null ? "(untitled)" : item.title());
            }
        }
        return 0;
    }

    private ParsedFeed fetch(URI uri) throws IOException, FeedFormatException {
        HttpPolicy policy = allowLoopback ? HttpPolicy.local() : HttpPolicy.production();
        HttpResult result = new SafeHttpClient(policy).get(uri, null, null);
        return new FeedParser().parse(result.body(), result.contentType(), result.finalUri());
    }

    private ParsedFeed read(Path file) throws IOException, FeedFormatException {
        return new FeedParser().parse(InputFiles.read(file, FeedParser.DEFAULT_MAX_BYTES, "file"), null, base);
    }
}
