package com.podcastinsights.cli;

import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.SubscriberRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code subscribers add|list|remove}: who gets the daily digest, in a local data dir. */
@Command(name = "subscribers", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage the digest's readers in a local data dir.",
        subcommands = {SubscribersCommand.Add.class, SubscribersCommand.ListSubscribers.class,
                SubscribersCommand.Remove.class, SubscribersCommand.Update.class})
public final class SubscribersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: add, list, remove or update");
    }

    /** Validates the address as a usage error (exit 2) rather than a failure. */
    static String address(CommandSpec spec, String email) {
        try {
            return SubscriberRepository.normalize(email);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Subscribe an address (or reactivate one that unsubscribed).")
    public static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LocalData data;
        @Parameters(paramLabel = "EMAIL")
        String email;
        @Mixin
        Preferences prefs;

        @Override
        public Integer call() {
            String e = address(spec, email);
            SubscriberRepository repo = new SubscriberRepository(data.table());
            Subscriber old = repo.find(e).orElse(new Subscriber(e, true, null));
            Subscriber saved = save(spec, repo, () -> prefs.apply(old));
            spec.commandLine().getOut().println("subscribed " + describe(saved));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List the active subscribers.")
    public static final class ListSubscribers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LocalData data;

        @Override
        public Integer call() {
            List<Subscriber> active = new SubscriberRepository(data.table()).active();
            if (active.isEmpty()) {
                spec.commandLine().getOut().println("no active subscribers in " + data.describe());
            }
            for (Subscriber s : active) {
                spec.commandLine().getOut().println(describe(s) + "  since " + s.createdAt());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Unsubscribe an address (it is kept, inactive, so a replay never re-adds it).")
    public static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LocalData data;
        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            String e = address(spec, email);
            SubscriberRepository subscribers = new SubscriberRepository(data.table());
            if (subscribers.find(e).filter(Subscriber::active).isEmpty()) {
                spec.commandLine().getErr().println("error: " + e + " is not an active subscriber in " + data.describe());
                return 1;
            }
            subscribers.unsubscribe(e, Clock.systemUTC().instant().toString());
            spec.commandLine().getOut().println("unsubscribed " + e);
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Change an active subscriber's time zone, send hour, topics or muted shows.")
    public static final class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LocalData data;
        @Parameters(paramLabel = "EMAIL")
        String email;
        @Mixin
        Preferences prefs;

        @Override
        public Integer call() {
            String e = address(spec, email);
            SubscriberRepository repo = new SubscriberRepository(data.table());
            Subscriber old = repo.find(e).filter(Subscriber::active).orElse(null);
            if (old == null) {
                spec.commandLine().getErr().println("error: " + e + " is not an active subscriber in " + data.describe());
                return 1;
            }
            spec.commandLine().getOut().println("updated " + describe(save(spec, repo, () -> prefs.apply(old))));
            return 0;
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

        Subscriber apply(Subscriber s) {
            return new Subscriber(s.email(), true, s.createdAt(), timeZone != null ? timeZone : s.timeZone(),
                    sendHour != null ? sendHour : s.sendHour(), topics != null ? topics : s.topics(),
                    muted != null ? muted : s.mutedShows());
        }
    }

    /** Bad preferences are usage errors (exit 2), like a bad address. */
    static Subscriber save(CommandSpec spec, SubscriberRepository repo, java.util.function.Supplier<Subscriber> s) {
        try {
            return repo.save(s.get(), Clock.systemUTC().instant().toString());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static String describe(Subscriber s) {
        StringBuilder b = new StringBuilder(s.email());
        b.append("  ").append(s.timeZone() == null ? "digest zone" : s.timeZone())
                .append(" at ").append(s.sendHour() == null ? "the default hour" : String.format("%02d:00", s.sendHour()));
        if (!s.topics().isEmpty()) b.append("  topics: ").append(String.join(", ", s.topics()));
        if (!s.mutedShows().isEmpty()) b.append("  muted: ").append(String.join(", ", s.mutedShows()));
        return b.toString();
    }
}
