package com.podcastinsights.local;

import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.OutgoingMail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.Comparator;

/**
 * "Sends" mail into a folder: {@code outbox/<recipient>/<messageId>.eml} holds the exact MIME bytes SES would
 * get (open it in any mail client), and a sibling {@code <messageId>.html} holds the HTML part for a browser.
 * The recipient folder keeps {@code a-z 0-9 @ . _ -} of the lower-cased address and replaces the rest with
 * {@code _}.
 */
public final class OutboxMailer implements Mailer {
    private final Path outbox;

    public OutboxMailer(Path outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox").toAbsolutePath().normalize();
    }

    @Override
    public String send(OutgoingMail mail) {
        Objects.requireNonNull(mail.raw(), "mail has no raw MIME");
        String messageId = "local-" + UUID.randomUUID();
        Path folder = outbox.resolve(folderFor(mail.to()));
        AtomicFiles.write(folder.resolve(messageId + ".eml"), mail.raw());
        if (mail.html() != null) {
            AtomicFiles.write(folder.resolve(messageId + ".html"), mail.html().getBytes(StandardCharsets.UTF_8));
        }
        return messageId;
    }

    /** Every written .eml file, sorted by path. */
    public List<Path> sent() {
        if (!Files.isDirectory(outbox)) return List.of();
        try (Stream<Path> files = Files.walk(outbox, 2)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml") && !AtomicFiles.isTemp(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + outbox, e);
        }
    }

    /** Deletes every message to {@code to} (a data-protection request); returns how many files went. */
    public int forget(String to) {
        Path folder = outbox.resolve(folderFor(to));
        if (!Files.isDirectory(folder)) return 0;
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            int n = 0;
            for (Path p : all) {
                if (Files.isRegularFile(p)) n++;
                Files.delete(p);
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    /** The folder of {@code outbox} that holds the mail to {@code to}: a file-system-safe form of the address. */
    public static String folderFor(String to) {
        if (to == null || to.isBlank()) throw new IllegalArgumentException("mail has no recipient");
        String name = to.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._-]", "_");
        // "." and ".." would not be folders of their own; a leading dot would also hide the folder.
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }
}
