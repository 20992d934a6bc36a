package com.podcastinsights.template;

import com.podcastinsights.event.EpisodeDiscovered;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.PipelineEvents;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.store.Keys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/events.md and docs/data-model.md name what the code really uses (keys from Keys, events from the code). */
class TemplateTestDocs {
    static Path root;
    static String events;
    static String dataModel;

    @BeforeAll
    static void load() throws IOException {
        root = SamTemplate.projectRoot();
        events = Files.readString(root.resolve("docs/events.md"));
        dataModel = Files.readString(root.resolve("docs/data-model.md"));
    }

    @Test
    void eventsDocNamesEveryEventItsFieldsAndEverySample() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Field f : PipelineEvents.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String name = (String) f.get(null);
                if (!events.contains(name)) missing.add("event name " + name);
            }
        }
        for (Class<?> detail : List.of(EpisodeDiscovered.class, TranscriptStored.class, InsightsExtracted.class)) {
            for (RecordComponent c : detail.getRecordComponents()) {
                if (!events.contains("`" + c.getName() + "`")) missing.add(detail.getSimpleName() + "." + c.getName());
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("events"))) {
            files.map(p -> "events/" + p.getFileName()).filter(n -> !events.contains(n))
                    .forEach(n -> missing.add("sample " + n));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void dataModelDocShowsTheKeysAsKeysBuildsThem() {
        List<String> keys = List.of(
                Keys.feedPk("<feedId>"), "`" + Keys.FEED_SK + "`", "`" + Keys.FEEDS_INDEX + "`",
                Keys.episodeSk("<episodeId>"), Keys.insightPk("<episodeId>"),
                Keys.insightSk(1).substring(0, Keys.insightSk(1).indexOf('#') + 1),
                Keys.dayIndex("<yyyy-mm-dd>"), Keys.scoreSortKey(0.8731, "e1a2b3c4d5e6f708", 1),
                Keys.subscriberPk("<email>"), "`" + Keys.SUBSCRIBER_SK + "`", "`" + Keys.SUBSCRIBERS_INDEX + "`",
                Keys.digestSk("<yyyy-mm-dd>"),
                Keys.rawFeedKey("<feedId>", "<fetchedAt>"), Keys.transcriptKey("<feedId>", "<episodeId>"));
        List<String> missing = keys.stream().filter(k -> !dataModel.contains(k)).toList();
        assertEquals(List.of(), missing);
    }
}
