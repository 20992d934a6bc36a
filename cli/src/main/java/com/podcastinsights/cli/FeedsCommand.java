package com.podcastinsights.cli;

import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code feeds add|list|remove}: the subscribed feeds of a local data dir. */
@Command(name = "feeds", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage the feeds of a local data dir.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.ListFeeds.class, FeedsCommand.Remove.class})
public final class FeedsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: add, list or remove");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Subscribe to a feed (adding one twice changes nothing).")
    public static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LocalData data;
        @Parameters(paramLabel = "URL", description = "the feed's http(s) URL")
        String url;
        @Option(names = "--title", description = "a title to show until the first fetch reads the feed's own")
        String title;

        @Override
        public Integer call() {
            if (!OpmlReader.isHttp(url.trim())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not an http(s) URL: " + url);
            }
            boolean added = new FeedRepository(data.table()).add(url.trim(), title);
            PrintWriter out = spec.commandLine().getOut();
            out.println((added ? "added " : "already subscribed ") + FeedRepository.idFor(url) + " " + url.trim());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List the subscribed feeds: id, title, URL, last success, failures in a row.")
    public static final class ListFeeds implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LocalData data;

        @Override
        public Integer call() {
            List<Feed> feeds = new FeedRepository(data.table()).list();
            PrintWriter out = spec.commandLine().getOut();
            if (feeds.isEmpty()) {
                out.println("no feeds in " + data.dir + " (add one with: feeds add URL --data " + data.dir + ")");
                return 0;
            }
            for (Feed f : feeds) {
                out.printf("%s  %s  %s  last ok: %s  failures: %d%n", f.id(), f.title() == null ? "(untitled)" : f.title(),
                        f.url(), f.lastSuccessAt() == null ? "never" : f.lastSuccessAt(), f.consecutiveFailures());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Unsubscribe from a feed, by the id `feeds list` shows.")
    public static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LocalData data;
        @Parameters(paramLabel = "ID", description = "the feed id")
        String id;

        @Override
        public Integer call() {
            FeedRepository feeds = new FeedRepository(data.table());
            if (feeds.find(id).isEmpty()) {
                spec.commandLine().getErr().println("error: no feed with id " + id + " in " + data.dir);
                return 1;
            }
            feeds.remove(id);
            spec.commandLine().getOut().println("removed " + id);
            return 0;
        }
    }
}
