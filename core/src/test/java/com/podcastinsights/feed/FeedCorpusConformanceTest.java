package com.podcastinsights.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance against the reference corpus (skipped when it is absent): every feed parses, the facts of
 * partytime/EXPECTATIONS.json hold, and feedparser's date cases give the same instant or null.
 */
class FeedCorpusConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Localised month names and compact ISO forms no podcast feed uses; out of scope, listed so it shows. */
    private static final Set<String> OUT_OF_SCOPE_KINDS = Set.of("_parse_date_greek", "_parse_date_hungarian",
            "_parse_date_nate", "_parse_date_onblog");
    private static final Set<String> OUT_OF_SCOPE_INPUTS = Set.of("-0312", "031231", "03-12-31", "-03-12", "03335");

    private final FeedParser parser = new FeedParser();

    @Test
    void everyCorpusFeedParses() throws IOException {
        Path feeds = Corpus.require("feeds");
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        try (Stream<Path> files = Files.walk(feeds)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                try {
                    parser.parse(Files.readAllBytes(f), null);
                    parsed++;
                } catch (FeedFormatException e) {
                    // The namespace's example wrapper is an XML fragment collection, not a feed.
                    if (!e.getMessage().contains("root element is <test-wrapper>")) failures.add(f + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(parsed >= 20, "parsed " + parsed);
    }

    @Test
    void partytimeExpectationsHold() throws Exception {
        Path dir = Corpus.require("feeds/partytime/EXPECTATIONS.json").getParent();
        JsonNode expect = JSON.readTree(dir.resolve("EXPECTATIONS.json").toFile());
        for (var it = expect.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().startsWith("_") || !entry.getKey().startsWith("real-world/")) continue;
            JsonNode facts = entry.getValue();
            ParsedFeed feed = parser.parse(Files.readAllBytes(dir.resolve(entry.getKey())),
                    facts.has("uri") ? java.net.URI.create(facts.get("uri").asText()) : null);
            String where = entry.getKey();
            if (facts.has("title")) assertEquals(facts.get("title").asText(), feed.title(), where);
            if (facts.has("item_count")) assertEquals(facts.get("item_count").asInt(), feed.items().size(), where);
            // We keep an item whose guid is blank (it falls back to its link or enclosure).
            if (facts.has("item_count_allow_missing_guid")) {
                assertEquals(facts.get("item_count_allow_missing_guid").asInt(), feed.items().size(), where);
            }
            if (facts.has("item_where_title")) {
                String title = facts.get("item_where_title").asText();
                FeedItem item = feed.items().stream().filter(i -> title.equals(i.title())).findFirst().orElseThrow();
                assertEquals(facts.get("that_item_enclosure_url").asText(), item.enclosureUrl(), where);
            }
            for (String key : List.of("items[0]", "items[1]")) {
                if (!facts.has(key)) continue;
                FeedItem item = feed.items().get(key.equals("items[0]") ? 0 : 1);
                assertEquals(facts.get(key).get("itunesSeason").asInt(), item.season(), where + " " + key);
                assertEquals(facts.get(key).get("itunesEpisode").asInt(), item.episode(), where + " " + key);
            }
        }
    }

    @Test
    void feedparserDateCases() throws IOException {
        Path file = Corpus.require("dates/feedparser-date-cases.json");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonNode c : JSON.readTree(file.toFile()).get("cases")) {
            String input = c.get("input_value").asText();
            JsonNode exp = c.get("expected_value");
            String got = FeedDates.toIso(input);
            if (exp.isNull()) {
                checked++;
                if (got != null) wrong.add("'" + input + "' must be null, got " + got);
                continue;
            }
            if (OUT_OF_SCOPE_KINDS.contains(c.get("parse_date").asText()) || OUT_OF_SCOPE_INPUTS.contains(input)) continue;
            checked++;
            String want = LocalDateTime.of(exp.get(0).asInt(), exp.get(1).asInt(), exp.get(2).asInt(), exp.get(3).asInt(),
                    exp.get(4).asInt(), exp.get(5).asInt()).toInstant(ZoneOffset.UTC).toString();
            // feedparser's struct_time has whole seconds; we keep the fraction.
            if (got != null) got = java.time.Instant.parse(got).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            if (!want.equals(got)) wrong.add("'" + input + "' want " + want + ", got " + got);
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 50, "checked " + checked);
    }
}
