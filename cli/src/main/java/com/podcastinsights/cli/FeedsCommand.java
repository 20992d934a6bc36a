package com.podcastinsights.cli;

import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.port.Table;
import com.podcastinsights.transcript.TranscriptionBudget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code feeds add|import|export|list|broken|remove}: the subscribed feeds of a local data dir. */
@Command(name = "feeds", description = "Manage the feeds of a local data dir.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.Import.class, FeedsCommand.Export.class,
                FeedsCommand.ListFeeds.class, FeedsCommand.Broken.class, FeedsCommand.Remove.class,
                FeedsCommand.Update.class})
public final class FeedsCommand extends CommandGroup {
    @Command(name = "add", description = "Subscribe to a feed (adding one twice changes nothing).")
    public static final class Add extends DataCommand {
        @Parameters(paramLabel = "URL", description = "the feed's http(s) URL")
        String url;
        @Option(names = "--title", description = "a title to show until the first fetch reads the feed's own")
        String title;
        @Option(names = "--transcribe", description = "opt in to Amazon Transcribe for episodes without a "
                + "transcript (needs the stack's TranscribeEnabled=true; billed per audio minute)")
        boolean transcribe;

        @Override
        public Integer call() {
            if (!OpmlReader.isHttp(url.trim())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not an http(s) URL: " + url);
            }
            boolean added = new FeedRepository(data.table()).add(url.trim(), title, transcribe);
            PrintWriter out = out();
            out.println((added ? "added " : "already subscribed ") + FeedRepository.idFor(url) + " " + url.trim()
                    + (added && transcribe ? " (speech-to-text on)" : ""));
            if (!added && transcribe) {
                out.println("(its settings are unchanged; use `feeds update " + FeedRepository.idFor(url)
                        + " --transcribe`)");
            }
            return 0;
        }
    }

    @Command(name = "update", description = "Change a subscribed feed's settings, by the id `feeds list` shows.")
    public static final class Update extends FeedIdCommand {
        @Option(names = "--transcribe", negatable = true, required = true,
                description = "opt in to (--transcribe) or out of (--no-transcribe) Amazon Transcribe for episodes "
                        + "without a transcript (needs the stack's TranscribeEnabled=true)")
        boolean transcribe;

        @Override
        public Integer call() {
            if (!new FeedRepository(data.table()).setTranscribe(id, transcribe)) return unknown();
            out().println("updated " + id + ": speech-to-text " + (transcribe ? "on" : "off"));
            return 0;
        }
    }

    @Command(name = "list", description = "List the subscribed feeds with their health: id, title, URL, last success, failures in a "
                    + "row, last error.")
    public static final class ListFeeds extends DataCommand {
        @Option(names = "--broken", description = "only feeds whose last fetch failed")
        boolean broken;

        @Override
        public Integer call() {
            return print(spec, data, broken);
        }
    }

    @Command(name = "broken", description = "List the feeds whose last fetch failed (same as `list --broken`), most failures first.")
    public static final class Broken extends DataCommand {

        @Override
        public Integer call() {
            return print(spec, data, true);
        }
    }

    static Integer print(CommandSpec spec, LocalData data, boolean brokenOnly) {
        Table table = data.table();
        List<Feed> feeds = new FeedRepository(table).list();
        PrintWriter out = spec.commandLine().getOut();
        if (feeds.isEmpty()) {
            out.println("no feeds in " + data.describe() + " (add one with: feeds add URL)");
            return 0;
        }
        List<Feed> shown = brokenOnly
                ? feeds.stream().filter(f -> f.consecutiveFailures() > 0)
                        .sorted(Comparator.comparingInt(Feed::consecutiveFailures).reversed()).toList()
                : feeds;
        if (shown.isEmpty()) {
            out.println("no broken feeds: every feed's last fetch succeeded (of " + feeds.size() + ")");
            return 0;
        }
        TranscriptionBudget.Usage speech = TranscriptionBudget.usage(table,
                LocalDate.now(ZoneOffset.UTC).toString());
        for (Feed f : shown) {
            long skipped = speech.skippedByFeed().getOrDefault(f.id(), 0L);
            out.printf("%s  %s  %s  last ok: %s  failures: %d%s%s%n", f.id(), f.title() == null ? "(untitled)" : f.title(),
                    f.url(), f.lastSuccessAt() == null ? "never" : f.lastSuccessAt(), f.consecutiveFailures(),
                    (f.transcribe() ? "  speech-to-text: on" : "")
                            + (skipped > 0 ? " (" + skipped + " skipped today)" : ""),
                    f.lastError() == null || f.consecutiveFailures() == 0 ? "" : "  last error: " + f.lastError());
        }
        if (speech.jobs() > 0 || speech.skipped() > 0) {
            out.printf(Locale.ROOT, "speech-to-text today (%s UTC): %d jobs, %d audio minutes, USD %.2f "
                            + "counted; %d skipped (%d at the daily cap, %d older than the freshness window)%n",
                    speech.day(), speech.jobs(), (speech.audioSeconds() + 59) / 60, speech.microUsd() / 1e6,
                    speech.skipped(), speech.skippedCap(), speech.skippedStale());
        }
        return 0;
    }

    @Command(name = "import", description = "Subscribe to every feed of an OPML file (podcast apps export one); known feeds are skipped.")
    public static final class Import extends DataCommand {
        @Parameters(paramLabel = "FILE.opml", description = "the OPML file")
        Path file;

        @Override
        public Integer call() throws IOException {
            OpmlReader.Parsed parsed = OpmlReader.readAll(file);
            FeedRepository repo = new FeedRepository(data.table());
            int added = 0;
            int known = 0;
            for (OpmlReader.Subscription s : parsed.feeds()) {
                if (repo.add(s.url(), s.title())) added++;
                else known++;
            }
            PrintWriter err = err();
            for (String bad : parsed.rejected()) err.println("not imported: " + bad);
            out().printf("imported %d feeds from %s (%d already subscribed)%n", added, file, known);
            if (parsed.rejected().isEmpty()) return 0;
            // the good entries are in; exit 1 so that a script notices the ones that are not
            err.println("error: " + parsed.rejected().size() + " of " + (parsed.rejected().size() + parsed.feeds().size())
                    + " entries of " + file + " were not imported (listed above); the others were");
            return 1;
        }
    }

    @Command(name = "export", description = "Print the subscribed feeds as OPML 2.0, for a podcast app or another data dir.")
    public static final class Export extends DataCommand {

        @Override
        public Integer call() {
            OpmlWriter.write(out(), new FeedRepository(data.table()).list());
            return 0;
        }
    }

    @Command(name = "remove", description = "Unsubscribe from a feed, by the id `feeds list` shows.")
    public static final class Remove extends FeedIdCommand {
        @Override
        public Integer call() {
            FeedRepository feeds = new FeedRepository(data.table());
            if (feeds.find(id).isEmpty()) return unknown();
            feeds.remove(id);
            out().println("removed " + id);
            return 0;
        }
    }
}
