package com.podcastinsights.port;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every Mailer must do; SES (on the emulator) and the outbox both run it. */
public abstract class MailerContract {
    protected static final String FROM = "digest@podcast-insights.example";
    private Mailer mailer;

    /** A fresh mailer, allowed to send from {@link #FROM}, that has sent nothing yet. */
    protected abstract Mailer newMailer() throws Exception;

    /** The raw MIME of every message the mailer handed over, as UTF-8 text, in sending order. */
    protected abstract List<String> sentRaw() throws Exception;

    @BeforeEach
    void createMailer() throws Exception {
        mailer = newMailer();
    }

    static OutgoingMail mail(String to, String subject) {
        String text = "Top insight: Café ☕ talk at 12:34.";
        String html = "<html><body><p>Top insight: <b>Café ☕</b> talk at 12:34.</p></body></html>";
        String unsubscribe = "<https://podcast-insights.example/u?t=abc>, <mailto:unsubscribe@podcast-insights.example>";
        String raw = String.join("\r\n",
                "From: Podcast Insights <" + FROM + ">",
                "To: " + to,
                "Subject: " + subject,
                "MIME-Version: 1.0",
                "List-Unsubscribe: " + unsubscribe,
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "Content-Type: multipart/alternative; boundary=\"b1\"",
                "",
                "--b1",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                text,
                "--b1",
                "Content-Type: text/html; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                html,
                "--b1--",
                "");
        return new OutgoingMail("Podcast Insights <" + FROM + ">", to, subject, text, html,
                raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deliversTheRawMessageUnchanged() throws Exception {
        OutgoingMail mail = mail("ada@example.com", "Your daily insights");

        String id = mailer.send(mail);

        assertFalse(id == null || id.isBlank(), "a message id");
        List<String> sent = sentRaw();
        assertEquals(List.of(new String(mail.raw(), StandardCharsets.UTF_8)), sent);
        String raw = sent.getFirst();
        assertTrue(raw.contains("List-Unsubscribe: <https://podcast-insights.example/u?t=abc>"));
        assertTrue(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assertTrue(raw.contains("Content-Type: text/plain") && raw.contains(mail.text()));
        assertTrue(raw.contains("Content-Type: text/html") && raw.contains(mail.html()));
    }

    @Test
    void eachMessageIsSentOnceWithItsOwnId() throws Exception {
        String first = mailer.send(mail("ada@example.com", "One"));
        String second = mailer.send(mail("grace@example.com", "Two"));

        assertNotEquals(first, second);
        List<String> sent = sentRaw();
        assertEquals(2, sent.size());
        assertTrue(sent.stream().anyMatch(m -> m.contains("To: ada@example.com") && m.contains("Subject: One")));
        assertTrue(sent.stream().anyMatch(m -> m.contains("To: grace@example.com") && m.contains("Subject: Two")));
    }
}
