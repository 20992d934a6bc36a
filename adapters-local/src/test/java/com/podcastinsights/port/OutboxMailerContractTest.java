package com.podcastinsights.port;

import com.podcastinsights.local.OutboxMailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxMailerContractTest extends MailerContract {
    @TempDir
    Path dir;
    private OutboxMailer outbox;

    @Override
    protected Mailer newMailer() {
        outbox = new OutboxMailer(dir.resolve("outbox"));
        return outbox;
    }

    @Override
    protected List<String> sentRaw() throws Exception {
        List<String> raw = new ArrayList<>();
        for (Path p : outbox.sent()) raw.add(Files.readString(p));
        return raw;
    }

    @Test
    void writesTheEmlAndTheHtmlPartUnderTheRecipient() throws Exception {
        OutgoingMail mail = mail("Ada.Lovelace+news@Example.com", "Hi");

        String id = outbox.send(mail);

        Path folder = dir.resolve("outbox").resolve("ada.lovelace_news@example.com");
        assertEquals(List.of(folder.resolve(id + ".eml")), outbox.sent());
        assertEquals(mail.html(), Files.readString(folder.resolve(id + ".html")));
        assertTrue(Files.isRegularFile(folder.resolve(id + ".eml")));
    }

    @Test
    void aHostileRecipientStaysInsideTheOutbox() throws Exception {
        outbox.send(mail("../../etc/passwd", "Hi"));

        assertEquals(1, outbox.sent().size());
        assertTrue(outbox.sent().getFirst().startsWith(dir.resolve("outbox")));
    }
}
