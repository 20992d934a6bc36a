package com.podcastinsights.cli;

import com.podcastinsights.config.Settings;
import com.podcastinsights.digest.DigestSender;
import com.podcastinsights.digest.Subscriber;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.port.OutgoingMail;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code digest preview}: the email a subscriber would get for a day, written to files, nothing sent. */
@Command(name = "digest", description = "Look at the digest email without sending it.",
        subcommands = {DigestCommand.Preview.class})
public final class DigestCommand extends CommandGroup {
    @Command(name = "preview", description = "Write the day's email for a subscriber as .eml (raw MIME) and .html; print the paths. "
                    + "Sends nothing and records nothing.")
    public static final class Preview extends DataCommand {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the digest day; default: today (UTC)")
        String date;
        @Option(names = "--subscriber", paramLabel = "EMAIL",
                description = "whose email (their topics and muted shows apply); default: a reader with no preferences")
        String subscriber;

        @Override
        public Integer call() throws IOException {
            String day;
            try {
                day = date == null ? LocalDate.now(Clock.systemUTC()).toString() : LocalDate.parse(date).toString();
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--date is not YYYY-MM-DD: " + date);
            }
            var table = data.table();
            Subscriber reader;
            if (subscriber == null) {
                reader = new Subscriber("reader@example.com", true, null);
            } else {
                String e = SubscribersCommand.address(spec, subscriber);
                Optional<Subscriber> found = new SubscriberRepository(table).find(e);
                if (found.isEmpty()) {
                    err().println("error: no subscriber " + e + " in " + data.describe());
                    return 1;
                }
                reader = found.get();
            }
            Optional<OutgoingMail> mail = new DigestSender(table, m -> {
                throw new IllegalStateException("a preview never sends");
            }, Clock.systemUTC(), Settings.defaults()).preview(reader, day);
            if (mail.isEmpty()) {
                err().println("error: no insights for " + day + " in " + data.describe()
                        + " (run the pipeline first, or pick another --date)");
                return 1;
            }
            Path dir = data.dir.resolve("preview");
            Files.createDirectories(dir);
            String base = "digest-" + day + "-" + previewName(reader.email());
            Path eml = dir.resolve(base + ".eml");
            Path html = dir.resolve(base + ".html");
            Files.write(eml, mail.get().raw());
            Files.writeString(html, mail.get().html());
            out().println(eml);
            out().println(html);
            return 0;
        }
    }

    private static String previewName(String email) {
        return email.replaceAll("[^A-Za-z0-9.@_-]", "_");
    }

    /** Deletes the previews written for {@code email} in {@code dataDir}; returns how many files. */
    static int forgetPreviews(Path dataDir, String email) throws IOException {
        Path dir = dataDir.resolve("preview");
        if (!Files.isDirectory(dir)) return 0;
        Pattern theirs = Pattern.compile(
                "digest-\\d{4}-\\d{2}-\\d{2}-" + Pattern.quote(previewName(email)) + "\\.(eml|html)");
        int n = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (theirs.matcher(p.getFileName().toString()).matches()) {
                    Files.delete(p);
                    n++;
                }
            }
        }
        return n;
    }
}
