package com.podcastinsights.digest;

import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import com.podcastinsights.ids.Sha256;
import com.podcastinsights.insight.Insight;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.Table;
import com.podcastinsights.store.Keys;

import java.util.ArrayList;
import java.util.List;

/**
 * "Useful" and "not for me" on one insight of a reader's digest. One vote per reader and insight: a repeated click
 * changes nothing, a changed mind replaces the vote. Each change shifts the reader's weights for the insight's
 * show and for their topics it matches ({@link FeedbackWeights}), which {@link Personalizer} applies from the next
 * digest on. Votes are kept under the show with a pseudonymous reader handle, so the operator's totals per show
 * need no address.
 */
public final class ReaderFeedback {
    public enum Verdict {
        USEFUL(1), NOT_FOR_ME(-1);
        final int vote;

        Verdict(int vote) {
            this.vote = vote;
        }

        public static Verdict parse(String s) {
            return "useful".equals(s) ? USEFUL : "not-for-me".equals(s) ? NOT_FOR_ME : null;
        }

        public String slug() {
            return this == USEFUL ? "useful" : "not-for-me";
        }
    }

    /** One show's totals, for the operator. */
    public record ShowTotals(String feedId, String title, int useful, int notForMe) {
    }

    private final Table table;
    private final SubscriberRepository subscribers;

    public ReaderFeedback(Table table) {
        this.table = table;
        this.subscribers = new SubscriberRepository(table);
    }

    /** Records the vote; false when the reader is not an active subscriber (nothing is recorded then). */
    public boolean record(String email, Insight insight, Verdict verdict, String now) {
        Subscriber reader = subscribers.find(email).filter(Subscriber::active).orElse(null);
        if (reader == null) return false;
        String pk = Keys.feedbackPk(insight.feedId()), sk = Keys.feedbackSk(handle(reader.email()), insight.id());
        int before = table.get(pk, sk).map(i -> Verdict.parse(i.string("verdict"))).map(v -> v.vote).orElse(0);
        int delta = verdict.vote - before;
        if (delta == 0) return true;
        table.put(Item.of(pk, sk).with("type", "Feedback").with("verdict", verdict.slug())
                .with("insightId", insight.id()).with("podcastTitle", MailText.plain(insight.podcastTitle()))
                .with("day", insight.day()).with("at", now).build());
        subscribers.adjustWeights(reader.email(), reader.weights().shifted(insight.podcastTitle(),
                Personalizer.matchingTopics(reader, insight), delta));
        return true;
    }

    /** Votes per show the stack follows, in the feed list's order. */
    public List<ShowTotals> totals() {
        List<ShowTotals> out = new ArrayList<>();
        for (Feed f : new FeedRepository(table).list()) {
            int useful = 0, notForMe = 0;
            for (Item i : table.query(Keys.feedbackPk(f.id()), "")) {
                Verdict v = Verdict.parse(i.string("verdict"));
                if (v == Verdict.USEFUL) useful++;
                else if (v == Verdict.NOT_FOR_ME) notForMe++;
            }
            out.add(new ShowTotals(f.id(), f.title(), useful, notForMe));
        }
        return out;
    }

    /** Not the address: a vote record must not say who voted to whoever reads the show's partition. */
    static String handle(String email) {
        return Sha256.hex("reader\u0000" + email).substring(0, 24);
    }
}
