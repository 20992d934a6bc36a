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
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the digest to the readers of a {@link DigestBatch}, at most once per reader and day.
 *
 * <p>The day is the batch's (the schedule event's own time in the reader's zone), never the clock: a replay of the
 * same event an hour or a day later targets the same day, and every reader that got it is skipped.
 *
 * <p>Per reader: claim with a lease, render, wait for the pace, mark SENDING, send, mark SENT ({@link DigestLog}).
 * <ul>
 *   <li>The mailer throws: SES did not accept the message (or we cannot know that it did). The claim is
 *   released so that a retry or replay can send. The rare case where SES accepted it and the response was
 *   lost becomes a possible duplicate; losing every failed send for the day would be worse.</li>
 *   <li>A SENDING record found later means a sender died between the call and its outcome, most likely after
 *   SES accepted the message. It is reported as unconfirmed and not resent: a missed digest is cheaper than
 *   a duplicate, and the operator can see the count.</li>
 *   <li>A claim held by another sender (the same batch delivered twice at once) is deferred; once that sender's
 *   lease ran out without a send, the claim is taken over.</li>
 * </ul>
 * One recipient's failure never stops the rest; refusals are counted as {@code failed}, not thrown, so retries do
 * not hammer an address SES keeps refusing. When SES cannot take mail now ({@link Mailer.Unavailable}: throttled or
 * failing past the retries) the reader is released and counted as {@code deferred}, like one not reached before the
 * time limit: the batch is reported failed and its redelivery sends to exactly them.
 */
public final class DigestSender {
    private static final Logger LOG = Logger.getLogger(DigestSender.class.getName());
    /**
     * How long a claim is held before another sender may take it over: far above the render and pace wait between
     * claim and send, and below the queue's visibility timeout, so a redelivery after a crash finds it run out.
     */
    public static final Duration LEASE = Duration.ofMinutes(5);
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
    private final DigestPlanner planner;
    private final Personalizer personalizer;
    /** Editions are fixed once chosen, so a warm sender reuses them; only non-empty ones, a few days at most. */
    private final Map<String, DailySelection.Edition> editions = new ConcurrentHashMap<>();
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
     * {@code pacer}: this sender's share of the SES maximum send rate. {@code defaultSendHour}: the local hour
     * subscribers without their own send hour get the digest at, in their zone (or the digest zone); null: every
     * run is their hour, which suits a once-a-day schedule and local runs.
     */
    public DigestSender(Table table, Mailer mailer, Clock clock, Settings settings, UnsubscribeLinks unsubscribe,
                        SendPacer pacer, Integer defaultSendHour) {
        if (defaultSendHour != null && (defaultSendHour < 0 || defaultSendHour > 23)) {
            throw new IllegalArgumentException("send hour must be 0-23: " + defaultSendHour);
        }
        this.pacer = pacer;
        this.unsubscribe = unsubscribe;
        this.personalizer = new Personalizer(settings.digestSize(), settings.maxPerEpisodeInDigest());
        this.subscribers = new SubscriberRepository(table);
        this.selection = new DailySelection(new InsightRepository(table), table, settings);
        this.log = new DigestLog(table);
        this.renderer = new DigestRenderer(settings.postalAddress());
        this.mailer = mailer;
        this.clock = clock;
        this.settings = settings;
        this.planner = new DigestPlanner(table, settings, defaultSendHour, DigestPlanner.MAX_BATCH, clock);
        this.links = ReaderLinks.on(unsubscribe);
    }

    /**
     * Links into a reader web at another address than the unsubscribe endpoint: the local server, which is plain
     * http on loopback (a one-click unsubscribe URL must be https).
     */
    public DigestSender withReaderLinks(ReaderLinks readerLinks) {
        this.links = readerLinks;
        return this;
    }

    /** Why {@code reader} is not due at {@code scheduledAt} (their send hour is another), or empty when due. */
    public Optional<String> notDue(Subscriber reader, Instant scheduledAt) {
        return planner.notDue(reader, scheduledAt);
    }

    /** The reader's own date at {@code scheduledAt}: a Tokyo reader's 07:00 digest is for their today. */
    public String readerDay(Subscriber reader, Instant scheduledAt) {
        return planner.readerDay(reader, scheduledAt);
    }

    public static String dayOf(Instant scheduledAt, Settings settings) {
        return scheduledAt.atZone(settings.digestZone()).toLocalDate().toString();
    }

    public DigestReport send(Instant scheduledAt) {
        return send(scheduledAt, () -> true);
    }

    /**
     * The whole hour in this process (local runs, tests): the planner's batches sent one after the other, as the
     * queue's senders would. Readers not reached before {@code timeLeft} says stop are {@code deferred}, unclaimed.
     */
    public DigestReport send(Instant scheduledAt, BooleanSupplier timeLeft) {
        DigestPlanner.Plan plan = planner.plan(scheduledAt);
        DigestReport total = new DigestReport(plan.day(), plan.due(), 0, 0, 0, 0, 0, null, 0, plan.paused());
        int notReached = 0;
        for (DigestBatch batch : plan.batches()) {
            DigestReport r = send(batch, timeLeft);
            notReached += r.deferred() - r.failedNow();
            total = total.plus(r);
        }
        int sent = total.sent() + total.skipped() + total.unconfirmed() + total.failed();
        String note = total.deferred() > 0 ? DigestReport.deferredNote(notReached, total.deferred() - notReached)
                : plan.withoutInsights() > 0 && sent == 0 ? "no insights for " + plan.day() + ", nothing sent" : null;
        return total.withNote(note);
    }

    /**
     * One batch: each reader's digest of the batch's day, at most once. Readers gone inactive since planning are
     * skipped. The report's {@code deferred} readers were left unclaimed for a redelivery of the batch.
     */
    public DigestReport send(DigestBatch batch, BooleanSupplier timeLeft) {
        String day = batch.day();
        DailySelection.Edition edition = edition(day);
        int sent = 0, skipped = 0, unconfirmed = 0, failed = 0, deferred = 0, unavailable = 0, insightCount = 0;
        String owner = UUID.randomUUID().toString();
        Instant scheduledAt = Instant.parse(batch.scheduledAt());
        for (String address : batch.readers()) {
            if (deferred > unavailable || !timeLeft.getAsBoolean()) {
                deferred++;
                continue;
            }
            Optional<Subscription> reader = subscription(address);
            // a reader who paused since the plan is skipped like one who left
            if (reader.isEmpty() || !reader.get().active() || reader.get().pausedAt(scheduledAt)
                    || edition.five().isEmpty()) {
                skipped++;
                continue;
            }
            List<Insight> insights = choose(edition, reader.get().subscriber());
            insightCount = Math.max(insightCount, insights.size());
            switch (deliver(reader.get(), day, edition, insights, owner)) {
                case SENT -> sent++;
                case SKIPPED -> skipped++;
                case UNCONFIRMED -> unconfirmed++;
                case FAILED -> failed++;
                case UNAVAILABLE -> { deferred++; unavailable++; }
            }
        }
        String note = edition.five().isEmpty() ? "no insights for " + day + ", nothing sent"
                : deferred > 0 ? DigestReport.deferredNote(deferred - unavailable, unavailable) : null;
        return new DigestReport(day, batch.readers().size(), sent, skipped, unconfirmed, failed, insightCount, note,
                deferred, 0, unavailable);
    }

    private enum Outcome { SENT, SKIPPED, UNCONFIRMED, FAILED, UNAVAILABLE }

    private Outcome deliver(Subscription subscription, String day, DailySelection.Edition edition,
                            List<Insight> insights, String owner) {
        Subscriber reader = subscription.subscriber();
        String email = reader.email();
        List<String> ids = insights.stream().map(Insight::id).toList();
        Instant now = clock.instant();
        switch (log.claim(email, day, ids, now, owner, now.plus(LEASE))) {
            case SENT -> { return Outcome.SKIPPED; }
            case IN_DOUBT -> { return Outcome.UNCONFIRMED; }
            case HELD -> { return Outcome.UNAVAILABLE; }
            case OURS -> { }
        }
        OutgoingMail mail = mail(reader, subscription.generation(), day, insights, edition.alsoOn(), now);
        pacer.awaitTurn();
        // the last write before the call, so "SES took it, SENT not written" is the only window left
        if (!log.markSending(email, day, ids, now, owner)) return Outcome.SKIPPED;
        String messageId;
        try {
            messageId = mailer.send(mail);
        } catch (Mailer.Unavailable e) {
            LOG.log(Level.WARNING, "digest for " + day + " deferred for one subscriber: " + e.getMessage());
            log.release(email, day);
            return Outcome.UNAVAILABLE;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "digest for " + day + " not sent to " + AddressMask.mask(email) + ": "
                    + AddressMask.maskAll(e.getMessage()));
            log.release(email, day);
            return Outcome.FAILED;
        }
        try {
            log.markSent(email, day, ids, now, messageId, clock.instant());
        } catch (RuntimeException e) {
            // the mail is out; the SENDING record still blocks a second send, so this is only bookkeeping
            LOG.log(Level.WARNING, "digest to " + AddressMask.mask(email) + " sent but not recorded as SENT: "
                    + AddressMask.maskAll(e.getMessage()));
        }
        return Outcome.SENT;
    }

    private Optional<Subscription> subscription(String address) {
        try {
            return subscribers.subscription(address);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private DailySelection.Edition edition(String day) {
        DailySelection.Edition cached = editions.get(day);
        if (cached != null) return cached;
        DailySelection.Edition e = selection.edition(day, clock.instant());
        if (!e.five().isEmpty()) {
            if (editions.size() > 4) editions.clear();
            editions.put(day, e);
        }
        return e;
    }

    /**
     * The message {@code reader} would get for {@code day}, without sending, recording or fixing the day's
     * edition. Empty when the day has no insights.
     */
    public Optional<OutgoingMail> preview(Subscriber reader, String day) {
        DailySelection.Edition edition = selection.preview(day, clock.instant());
        if (edition.five().isEmpty()) return Optional.empty();
        long generation = subscribers.subscription(reader.email()).map(Subscription::generation).orElse(0L);
        return Optional.of(mail(reader, generation, day, choose(edition, reader), edition.alsoOn(), clock.instant()));
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
