package com.podcastinsights.cli;

import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.SubscriberRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code subscribers add|list|remove}: who gets the daily digest, in a local data dir. */
@Command(name = "subscribers", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage the digest's readers in a local data dir.",
        subcommands = {SubscribersCommand.Add.class, SubscribersCommand.ListSubscribers.class,
                SubscribersCommand.Remove.class})
public final class SubscribersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: add, list or remove");
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

        @Override
        public Integer call() {
            String e = address(spec, email);
            new SubscriberRepository(data.table()).subscribe(e, Clock.systemUTC().instant().toString());
            spec.commandLine().getOut().println("subscribed " + e);
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
                spec.commandLine().getOut().println("no active subscribers in " + data.dir);
            }
            for (Subscriber s : active) {
                spec.commandLine().getOut().println(s.email() + "  since " + s.createdAt());
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
                spec.commandLine().getErr().println("error: " + e + " is not an active subscriber in " + data.dir);
                return 1;
            }
            subscribers.unsubscribe(e, Clock.systemUTC().instant().toString());
            spec.commandLine().getOut().println("unsubscribed " + e);
            return 0;
        }
    }
}
