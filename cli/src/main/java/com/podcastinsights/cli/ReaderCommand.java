package com.podcastinsights.cli;

import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.SubscriberRepository;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** A {@code subscribers} command about one reader, named by the address it takes. */
abstract class ReaderCommand extends DataCommand {
    @Parameters(paramLabel = "EMAIL")
    String email;

    /** The address, normalized; a malformed one is a usage error (exit 2). */
    String address() {
        return SubscribersCommand.address(spec, email);
    }

    /** The active subscriber of address {@code e}, or empty once stderr says there is none (the command then exits 1). */
    Optional<Subscriber> activeReader(SubscriberRepository repo, String e) {
        Optional<Subscriber> found = repo.find(e).filter(Subscriber::active);
        if (found.isEmpty()) err().println("error: " + e + " is not an active subscriber in " + data.describe());
        return found;
    }
}
