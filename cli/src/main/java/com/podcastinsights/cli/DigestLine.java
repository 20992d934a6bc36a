package com.podcastinsights.cli;

import com.podcastinsights.port.Item;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One insight as the run prints it. */
public record DigestLine(String podcast, String episode, double startSeconds, String text, String link,
                         String episodeUrl) {

    static DigestLine of(Item i) {
        return new DigestLine(i.string("podcastTitle"), i.string("episodeTitle"), i.decimal("startSeconds", 0),
                i.string("text"), i.string("link"), i.string("episodeUrl"));
    }

    /** h:mm:ss, the way podcast players show a position. */
    public String timestamp() {
        long s = Math.max(0, Math.round(Math.floor(startSeconds)));
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /**
     * The digest's selection rule applied to a day's insights (best first): at most {@code perEpisode} from one
     * episode, {@code size} in all. The same rule SendDigest applies, so this is what the email holds.
     */
    static List<DigestLine> select(List<Item> bestFirst, int size, int perEpisode) {
        Map<String, Integer> taken = new HashMap<>();
        List<DigestLine> out = new ArrayList<>();
        for (Item i : bestFirst) {
            if (out.size() >= size) break;
            String episode = i.string("episodeId") != null ? i.string("episodeId") : i.pk();
            if (taken.merge(episode, 1, Integer::sum) > perEpisode) continue;
            out.add(of(i));
        }
        return out;
    }
}
