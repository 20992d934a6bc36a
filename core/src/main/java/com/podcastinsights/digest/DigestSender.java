package com.podcastinsights.digest;

import com.podcastinsights.ids.Sha256;
import com.podcastinsights.config.Settings;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.insight.InsightRepository;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.OutgoingMail;
import com.podcastinsights.port.Table;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the day's digest to every active subscriber, at most once per subscriber per day.
 *
 * <p>The day is the schedule event's own time in the digest zone, never the clock: a replay of the same event
 * an hour or a day later targets the same day, and every subscriber that got it is skipped.
 *
 * <p>Per subscriber: claim (conditional put of a SENDING record), send, mark SENT. The trade-offs:
 * <ul>
 *   <li>The mailer throws: SES did not accept the message (or we cannot know that it did). The claim is
 *   released so that a retry or replay can send. The rare case where SES accepted it and the response was
 *   lost becomes a possible duplicate; losing every failed send for the day would be worse.</li>
 *   <li>A SENDING record found by a later run means a run died between claim and outcome, most likely after
 *   SES accepted the message. It is reported as unconfirmed and not resent: a missed digest is cheaper than
 *   a duplicate, and the operator can see the count.</li>
 * </ul>
 * One recipient's failure never stops the rest; refusals are counted as {@code failed}, not thrown, so the
 * schedule's retries do not hammer an address SES keeps refusing. When SES cannot take mail now
 * ({@link Mailer.Unavailable}: throttled or failing past the retries) the subscriber is released and counted as
 * {@code deferred}, like one not reached before the time limit, so the invocation fails and Lambda's retry sends
 * to exactly them. Replaying the event sends only to the released ones.
 */
public final class DigestSender {
    private static final Logger LOG = Logger.getLogger(DigestSender.class.getName());
    private final SubscriberRepository subscribers;
    private final DailySelection selection;
    private final DigestLog log;
    private final DigestRenderer renderer;
    private final MimeMessageWriter mime = new MimeMessageWriter();
    private final Mailer mailer;
    private final Clock clock;
    private final Settings settings;
    private final UnsubscribeLinks unsubscribe;
    private final SendPacer pacer;
    private final Integer defaultSendHour;
    private final Personalizer personalizer;
    private volatile ReaderLinks links;

    /** Local runs and tests: unsubscribe links signed with a key of this process, pointing nowhere. */
    public DigestSender(Table table, Mailer mailer, Clock clock, Settings settings) {
        this(table, mailer, clock, settings, UnsubscribeLinks.local());
    }

    /** Unpaced, and every run is the send hour of subscribers without their own. */
    public DigestSender(Table table, Mailer mailer, Clock clock, Settings settings, UnsubscribeLinks unsubscribe) {
        this(table, mailer, clock, settings, unsubscribe, SendPacer.perSecond(0), null);
    }

    /**
     * {@code pacer}: the SES maximum send rate. {@code defaultSendHour}: the local hour subscribers without their own
     * send hour get the digest at, in their zone (or the digest zone); null: every run is their hour, which suits a
     * once-a-day schedule and local runs.
     */
    public DigestSender(Table table, Mailer mailer, Clock clock, Settings settings, UnsubscribeLinks unsubscribe,
                        SendPacer pacer, Integer defaultSendHour) {
        if (defaultSendHour != null && (defaultSendHour < 0 || defaultSendHour > 23)) {
            throw new IllegalArgumentException("send hour must be 0-23: " + defaultSendHour);
        }
        this.pacer = pacer;
        this.defaultSendHour = defaultSendHour;
        this.unsubscribe = unsubscribe;
        this.links = ReaderLinks.on(unsubscribe);
        this.personalizer = new Personalizer(settings.digestSize(), settings.maxPerEpisodeInDigest());
        this.subscribers = new SubscriberRepository(table);
        this.selection = new DailySelection(new InsightRepository(table), table, settings);
        this.log = new DigestLog(table);
        this.renderer = new DigestRenderer(settings.senderAddress(), settings.postalAddress());
        this.mailer = mailer;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Links into a reader web at another address than the unsubscribe endpoint: the local server, which is plain
     * http on loopback (a one-click unsubscribe URL must be https).
     */
    public DigestSender withReaderLinks(ReaderLinks readerLinks) {
        this.links = readerLinks;
        return this;
    }

    public static String dayOf(Instant scheduledAt, Settings settings) {
        return scheduledAt.atZone(settings.digestZone()).toLocalDate().toString();
    }

    public DigestReport send(Instant scheduledAt) {
        return send(scheduledAt, () -> true);
    }

    /**
     * Sends until done or until {@code timeLeft} says stop (the function is about to time out). Subscribers not
     * reached are counted as {@code deferred}, unclaimed, so the next invocation of the same event resumes with
     * them; what was sent is skipped.
     */
    public DigestReport send(Instant scheduledAt, BooleanSupplier timeLeft) {
        String day = dayOf(scheduledAt, settings);
        List<Subscription> readers = subscribers.activeSubscriptions();
        Map<String, DailySelection.Edition> editions = new HashMap<>();
        int sent = 0, skipped = 0, unconfirmed = 0, failed = 0, deferred = 0, notDue = 0, empty = 0, insightCount = 0;
        int notReached = 0;
        for (Subscription subscription : readers) {
            Subscriber reader = subscription.subscriber();
            if (subscription.pausedAt(scheduledAt)) {
                notDue++; // the reader paused their digest: like an hour that is not theirs, nothing is owed
                continue;
            }
            if (notDue(reader, scheduledAt).isPresent()) {
                notDue++;
                continue;
            }
            if (notReached > 0 || !timeLeft.getAsBoolean()) {
                notReached++;
                deferred++;
                continue;
            }
            // the reader's own date: a Tokyo reader's 07:00 digest is for their today, not the stack's
            String readerDay = readerDay(reader, scheduledAt);
            DailySelection.Edition edition = editions.computeIfAbsent(readerDay, d -> selection.edition(d, clock.instant()));
            if (edition.five().isEmpty()) {
                empty++;
                continue;
            }
            String email = reader.email();
            List<Insight> insights = choose(edition, reader);
            insightCount = Math.max(insightCount, insights.size());
            List<String> ids = insights.stream().map(Insight::id).toList();
            Instant now = clock.instant();
            if (!log.claim(email, readerDay, ids, now)) {
                if (log.status(email, readerDay).filter(DigestLog.SENDING::equals).isPresent()) unconfirmed++;
                else skipped++;
                continue;
            }
            String messageId;
            try {
                pacer.awaitTurn();
                messageId = mailer.send(mail(reader, subscription.generation(), readerDay, insights, edition.alsoOn(), now));
            } catch (Mailer.Unavailable e) {
                deferred++;
                LOG.log(Level.WARNING, "digest for " + readerDay + " deferred for one subscriber: " + e.getMessage());
                log.release(email, readerDay);
                continue;
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "digest for " + readerDay + " not sent to " + AddressMask.mask(email) + ": "
                        + AddressMask.maskAll(e.getMessage()));
                log.release(email, readerDay);
                continue;
            }
            sent++;
            try {
                log.markSent(email, readerDay, ids, now, messageId, clock.instant());
            } catch (RuntimeException e) {
                // the mail is out; the SENDING record still blocks a second send, so this is only bookkeeping
                LOG.log(Level.WARNING, "digest to " + AddressMask.mask(email) + " sent but not recorded as SENT: "
                        + AddressMask.maskAll(e.getMessage()));
            }
        }
        String note = deferred > 0 ? (notReached > 0 ? notReached + " not reached before the time limit" : "")
                + (deferred > notReached ? (notReached > 0 ? ", " : "") + (deferred - notReached)
                        + " not taken by the mail service now" : "") + "; invoke again to resume"
                : empty > 0 && sent + skipped + unconfirmed + failed == 0 ? "no insights for " + day + ", nothing sent"
                : null;
        return new DigestReport(day, readers.size(), sent, skipped, unconfirmed, failed, insightCount, note, deferred, notDue);
    }

    /**
     * Why {@code reader} gets no digest from a run scheduled at {@code scheduledAt} ("their send hour is 06:00 in
     * Europe/Berlin; it is 22:00 there"), or empty when it is their hour.
     */
    public java.util.Optional<String> notDue(Subscriber reader, Instant scheduledAt) {
        ZoneId zone = zoneOf(reader);
        ZonedDateTime local = scheduledAt.atZone(zone);
        Integer hour = reader.sendHour() != null ? reader.sendHour() : defaultSendHour;
        if (hour == null || local.getHour() == hour) return java.util.Optional.empty();
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "their send hour is %02d:00 in %s; it is %02d:%02d there",
                hour, zone.getId(), local.getHour(), local.getMinute()));
    }

    /** The reader's own date at {@code scheduledAt}: their edition's day. */
    public String readerDay(Subscriber reader, Instant scheduledAt) {
        return scheduledAt.atZone(zoneOf(reader)).toLocalDate().toString();
    }

    private ZoneId zoneOf(Subscriber s) {
        return s.timeZone() == null ? settings.digestZone() : ZoneId.of(s.timeZone());
    }

    /**
     * The message {@code reader} would get for {@code day}, without sending, recording or fixing the day's
     * edition. Empty when the day has no insights.
     */
    public java.util.Optional<OutgoingMail> preview(Subscriber reader, String day) {
        DailySelection.Edition edition = selection.preview(day, clock.instant());
        if (edition.five().isEmpty()) return java.util.Optional.empty();
        long generation = subscribers.subscription(reader.email()).map(Subscription::generation).orElse(0L);
        return java.util.Optional.of(mail(reader, generation, day, choose(edition, reader), edition.alsoOn(), clock.instant()));
    }

    /**
     * The reader's five; a personalized reader never gets again what their digests of the last
     * {@link DailySelection#NO_REPEAT_DAYS} days carried (the edition's own five already leave out what the
     * editions of those days carried).
     */
    private List<Insight> choose(DailySelection.Edition edition, Subscriber reader) {
        if (!reader.personalized()) return edition.five();
        LocalDate today = LocalDate.parse(edition.day());
        Set<String> had = log.insightIdsBetween(reader.email(),
                today.minusDays(DailySelection.NO_REPEAT_DAYS).toString(), today.minusDays(1).toString());
        DailySelection.Edition unseen = had.isEmpty() ? edition : new DailySelection.Edition(edition.day(), edition.five(),
                edition.pool().stream().filter(i -> !had.contains(i.id())).toList(), edition.alsoOn(), edition.scores());
        return personalizer.choose(unseen, reader);
    }

    /**
     * One subscriber's message: the footer and the List-Unsubscribe token are theirs alone, for this
     * subscription ({@code generation}). {@code alsoOn}: by insight id, the other shows that raised its theme.
     */
    OutgoingMail mail(Subscriber reader, long generation, String day, List<Insight> insights,
                      Map<String, List<String>> alsoOn, Instant now) {
        String to = reader.email();
        String oneClick = unsubscribe.oneClick(to, generation);
        RenderedDigest digest = renderer.render(day, insights, new DigestRenderer.Footer(to, reader.topics(), oneClick), alsoOn,
                links.forDigest(to, generation, day, insights, now));
        String from = MailText.fromLine(settings.senderName(), settings.senderAddress());
        String domain = MailText.senderDomain(from);
        String messageId = "digest-" + day + "-" + Sha256.hex(to).substring(0, 16) + "@" + domain;
        String listUnsubscribe = unsubscribe.header(to, generation);
        Map<String, String> headers = Map.of("X-Podcast-Insights-Day", day);
        byte[] raw = mime.write(new MimeMessageWriter.Message(from, to, digest.subject(),
                now.atZone(settings.digestZone()), messageId, listUnsubscribe, headers, digest.text(), digest.html()));
        // the envelope sender is the bare address: SES checks it against the verified identity
        return new OutgoingMail(MailText.address(from), to, MailText.headerValue(digest.subject()), digest.text(),
                digest.html(), raw);
    }
}
