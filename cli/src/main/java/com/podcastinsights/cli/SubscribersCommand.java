package com.podcastinsights.cli;

import com.podcastinsights.digest.Consent;
import com.podcastinsights.digest.Personalizer;
import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.Subscription;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.local.FileTable;
import com.podcastinsights.local.OutboxMailer;
import com.podcastinsights.port.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code subscribers add|list|remove|update|forget}: who gets the daily digest. */
@Command(name = "subscribers", description = "Manage the digest's readers in a local data dir or a deployed stack.",
        subcommands = {SubscribersCommand.Add.class, SubscribersCommand.ListSubscribers.class,
                SubscribersCommand.Remove.class, SubscribersCommand.Update.class, SubscribersCommand.Forget.class,
                SubscribersCommand.Reindex.class})
public final class SubscribersCommand extends CommandGroup {
    /** Validates the address as a usage error (exit 2) rather than a failure. */
    static String address(CommandSpec spec, String email) {
        try {
            return SubscriberRepository.normalize(email);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Command(name = "add", description = "Subscribe an address. An address that unsubscribed or was suppressed (hard bounce, "
                    + "complaint) is refused unless --reactivate says the reader asked to come back.")
    public static final class Add extends PreferencesCommand {
        @Option(names = "--reactivate", description = "subscribe an address that unsubscribed or was suppressed "
                + "again: only when the reader asked for it (their old unsubscribe links stop working)")
        boolean reactivate;
        private Optional<Subscription> existing;

        @Override
        Optional<Subscriber> current(SubscriberRepository repo, String e) {
            existing = repo.subscription(e);
            if (existing.isPresent() && !existing.get().active() && !reactivate) {
                err().println("error: " + refusal(existing.get()));
                return Optional.empty();
            }
            return Optional.of(existing.map(Subscription::subscriber).orElse(new Subscriber(e, true, null)));
        }

        @Override
        void saved(Table table, String e) {
            // the operator vouches for this reader's consent; a web sign-up records its own (double opt-in)
            if (existing.isEmpty() || reactivate) Consent.record(table, e, Consent.operator(Clock.systemUTC().instant().toString()));
        }

        @Override
        String verb() {
            return "subscribed";
        }
    }

    @Command(name = "list", description = "List the active subscribers; --all also lists those who unsubscribed or were suppressed.")
    public static final class ListSubscribers extends DataCommand {
        @Option(names = "--all", description = "every reader with their status: active, unsubscribed, suppressed: reason")
        boolean all;

        @Override
        public Integer call() {
            SubscriberRepository repo = new SubscriberRepository(data.table());
            List<Subscription> listed = all ? repo.all() : repo.activeSubscriptions();
            if (listed.isEmpty()) {
                out().println("no " + (all ? "" : "active ") + "subscribers in " + data.describe());
            }
            for (Subscription s : listed) {
                String line = describe(s.subscriber()) + "  since " + s.subscriber().createdAt();
                if (all) {
                    line = s.subscriber().email() + "  " + s.status()
                            + (s.active() ? "" : " (" + s.unsubscribedAt() + ")") + "  " + line.substring(s.subscriber().email().length() + 2);
                }
                out().println(line);
            }
            return 0;
        }
    }

    @Command(name = "reindex",
            description = "Write every active reader again, so readers stored before the send-hour index (GSI2) are in it. Idempotent.")
    public static final class Reindex extends DataCommand {
        @Override
        public Integer call() {
            int n = new SubscriberRepository(data.table()).reindex();
            out().println("reindexed " + n + " active readers");
            return 0;
        }
    }

    @Command(name = "remove", description = "Unsubscribe an address (it is kept, inactive, so a replay never re-adds it).")
    public static final class Remove extends ReaderCommand {
        @Override
        public Integer call() {
            String e = address();
            SubscriberRepository subscribers = new SubscriberRepository(data.table());
            if (activeReader(subscribers, e).isEmpty()) return 1;
            subscribers.unsubscribe(e, Clock.systemUTC().instant().toString());
            out().println("unsubscribed " + e);
            return 0;
        }
    }

    @Command(name = "update", description = "Change an active subscriber's time zone, send hour, topics or muted shows.")
    public static final class Update extends PreferencesCommand {
        @Override
        Optional<Subscriber> current(SubscriberRepository repo, String e) {
            return activeReader(repo, e);
        }

        @Override
        String verb() {
            return "updated";
        }
    }

    @Command(name = "forget", description = {"Erase a reader's personal data (a data-protection request): their subscriber item and "
                    + "digest records in the table, and in a local data dir their outbox mail and digest previews.",
                    "Nothing of them is kept, not even a suppression: adding the address later starts anew."})
    public static final class Forget extends ReaderCommand {
        @Override
        public Integer call() throws IOException {
            String e = address();
            Table table = data.table();
            int items = new SubscriberRepository(table).forget(e);
            int files = 0;
            if (!data.remote()) {
                if (table instanceof FileTable local) local.removeEmptyPartitions();
                files += new OutboxMailer(data.dir.resolve("outbox")).forget(e);
                files += DigestCommand.forgetPreviews(data.dir, e);
            }
            out().printf("forgot %s: %d table items%s%n", e, items,
                    data.remote() ? "" : ", " + files + " files");
            return 0;
        }
    }

    /** Why {@code add} refuses an inactive address, and what the operator may do. */
    static String refusal(Subscription s) {
        String e = s.subscriber().email();
        if (s.suppressedReason() == null) {
            return e + " unsubscribed on " + s.unsubscribedAt() + ": they asked to stop. Pass --reactivate only if "
                    + "they asked to subscribe again.";
        }
        return e + " was suppressed on " + s.unsubscribedAt() + " after a " + s.suppressedReason() + ". Mailing it "
                + "again risks the sender's reputation with every provider; pass --reactivate only if the reader "
                + "asked to subscribe again and the address works.";
    }

    /**
     * {@code add} and {@code update}: the preference options applied to one reader and saved, the result shown, and a
     * muted show that names no feed warned of.
     */
    abstract static class PreferencesCommand extends ReaderCommand {
        @Mixin
        Preferences prefs;

        /** The reader the options apply to, or empty once stderr says why there is none (exit 1). */
        abstract Optional<Subscriber> current(SubscriberRepository repo, String e);

        /** What else the command records once the reader is saved. */
        void saved(Table table, String e) {
        }

        /** How the report line begins: "subscribed ...", "updated ...". */
        abstract String verb();

        @Override
        public Integer call() {
            String e = address();
            Table table = data.table();
            SubscriberRepository repo = new SubscriberRepository(table);
            Optional<Subscriber> old = current(repo, e);
            if (old.isEmpty()) return 1;
            Subscriber saved = save(repo, old.get());
            saved(table, e);
            out().println(verb() + " " + describe(saved));
            warnUnmatchedMutes(table, saved);
            return 0;
        }

        /** Bad preferences are usage errors (exit 2), like a bad address. */
        private Subscriber save(SubscriberRepository repo, Subscriber old) {
            try {
                return repo.save(prefs.apply(old), Clock.systemUTC().instant().toString());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        /**
         * A muted show that names none of the feeds is most likely a typo: say so (the mute is kept, for a show added
         * later). Exit code stays 0.
         */
        private void warnUnmatchedMutes(Table table, Subscriber s) {
            if (s.mutedShows().isEmpty()) return;
            List<Feed> feeds = new FeedRepository(table).list();
            for (String m : s.mutedShows()) {
                if (feeds.stream().noneMatch(f -> Personalizer.mutes(m, f.title(), f.id()))) {
                    err().println("warning: --mute \"" + m + "\" matches none of the " + feeds.size()
                            + " feeds in " + data.describe() + " (by title or feed id; `feeds list` shows them);"
                            + " kept for a show added later");
                }
            }
        }
    }

    /** The preference options of {@code add} and {@code update}; an option left out keeps the current value. */
    public static final class Preferences {
        @Option(names = "--time-zone", paramLabel = "ZONE", description = "IANA time zone, e.g. Europe/Berlin")
        String timeZone;
        @Option(names = "--send-hour", paramLabel = "HOUR", description = "local hour of the digest, 0-23")
        Integer sendHour;
        @Option(names = "--topics", paramLabel = "WORDS", split = ",",
                description = "keywords that weight insights up, comma-separated (\"\" clears them)")
        List<String> topics;
        @Option(names = "--mute", paramLabel = "SHOWS", split = ",",
                description = "podcast titles never to include, comma-separated (\"\" clears them)")
        List<String> muted;
        @Option(names = "--languages", paramLabel = "CODES", split = ",",
                description = "languages of the insights to send, e.g. en,es (default en; \"\" is en again)")
        List<String> languages;

        Subscriber apply(Subscriber s) {
            return new Subscriber(s.email(), true, s.createdAt(), timeZone != null ? timeZone : s.timeZone(),
                    sendHour != null ? sendHour : s.sendHour(), topics != null ? topics : s.topics(),
                    muted != null ? muted : s.mutedShows(), languages != null ? languages : s.languages());
        }
    }

    static String describe(Subscriber s) {
        StringBuilder b = new StringBuilder(s.email());
        b.append("  ").append(s.timeZone() == null ? "digest zone" : s.timeZone())
                .append(" at ").append(s.sendHour() == null ? "the default hour" : String.format("%02d:00", s.sendHour()));
        if (!s.topics().isEmpty()) b.append("  topics: ").append(String.join(", ", s.topics()));
        if (!s.mutedShows().isEmpty()) b.append("  muted: ").append(String.join(", ", s.mutedShows()));
        if (!s.languages().equals(Subscriber.DEFAULT_LANGUAGES)) b.append("  languages: ").append(String.join(", ", s.languages()));
        return b.toString();
    }
}
