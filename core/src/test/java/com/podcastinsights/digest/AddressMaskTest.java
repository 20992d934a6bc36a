package com.podcastinsights.digest;

import com.podcastinsights.config.Settings;
import com.podcastinsights.fakes.InMemoryTable;
import com.podcastinsights.fakes.RecordingMailer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressMaskTest {
    @Test
    void anAddressKeepsItsFirstLetterAndDomainOnly() {
        assertEquals("j***@example.com", AddressMask.mask("jane.doe@example.com"));
        assertEquals("a***@b.example", AddressMask.mask("a@b.example"));
        assertEquals("\"***@example.com", AddressMask.mask("\"odd@at\"@example.com"), "the last @ is the domain's");
        assertEquals("***", AddressMask.mask("not-an-address"));
        assertEquals("***", AddressMask.mask("@example.com"));
        assertNull(AddressMask.mask(null));
    }

    @Test
    void everyAddressInsideAnErrorTextIsMasked() {
        String ses = "MessageRejected (400): Email address is not verified. The following identities failed the check"
                + " in region US-EAST-1: reader@example.com, <other.one@mail.example.org>";

        String masked = AddressMask.maskAll(ses);

        assertEquals("MessageRejected (400): Email address is not verified. The following identities failed the check"
                + " in region US-EAST-1: r***@example.com, <o***@mail.example.org>", masked);
        assertEquals("no address here", AddressMask.maskAll("no address here"));
        assertNull(AddressMask.maskAll(null));
    }

    @Test
    void aFailedSendIsLoggedWithTheAddressMasked() {
        InMemoryTable table = new InMemoryTable();
        RecordingMailer mailer = new RecordingMailer();
        Settings settings = new Settings("digest@podcast-insights.example", ZoneId.of("UTC"), 5, 5, 2);
        DigestSender sender = new DigestSender(table, mailer,
                Clock.fixed(Instant.parse("2026-11-30T07:00:03Z"), ZoneOffset.UTC), settings);
        DigestFixtures.seedDay(table, "2026-11-30");
        new SubscriberRepository(table).subscribe("bob.private@example.com", "2026-11-01T00:00:00Z");
        mailer.rejecting.add("bob.private@example.com"); // its message names the address, as SES's do
        List<String> lines = new ArrayList<>();
        Logger log = Logger.getLogger(DigestSender.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            assertEquals(1, sender.send(Instant.parse("2026-11-30T07:00:00Z")).failed());
        } finally {
            log.removeHandler(capture);
        }

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("b***@example.com"), lines.get(0));
        assertFalse(lines.get(0).contains("bob.private"), lines.get(0));
    }
}
