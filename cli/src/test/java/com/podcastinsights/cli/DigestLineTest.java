package com.podcastinsights.cli;

import com.podcastinsights.port.Item;
import com.podcastinsights.port.Keys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DigestLineTest {
    private static Item insight(String episode, int rank, double score) {
        return Item.of(Keys.insightPk(episode), Keys.insightSk(rank))
                .index(Keys.dayIndex("2026-11-30"), Keys.scoreSortKey(score, episode, rank))
                .with("episodeId", episode).with("podcastTitle", "P").with("episodeTitle", "E " + episode)
                .with("text", episode + "/" + rank).with("score", score).with("startSeconds", 83.7)
                .with("link", "http://x/" + episode + ".mp3#t=83").build();
    }

    @Test
    void takesAtMostTwoPerEpisodeAndFiveInAll() {
        List<Item> bestFirst = new ArrayList<>(List.of(
                insight("a", 1, 0.99), insight("a", 2, 0.98), insight("a", 3, 0.97),
                insight("b", 1, 0.96), insight("b", 2, 0.95), insight("b", 3, 0.94),
                insight("c", 1, 0.90), insight("d", 1, 0.80)));
        List<String> picked = DigestLine.select(bestFirst, 5, 2).stream().map(DigestLine::text).toList();
        assertEquals(List.of("a/1", "a/2", "b/1", "b/2", "c/1"), picked);
    }

    @Test
    void formatsTheMomentAsPlayersDo() {
        assertEquals("0:01:23", DigestLine.of(insight("a", 1, 0.5)).timestamp());
        assertEquals("1:02:03", new DigestLine("p", "e", 3723.9, "t", "l", null).timestamp());
    }
}
