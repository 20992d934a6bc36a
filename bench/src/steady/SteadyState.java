package bench;

import com.podcastinsights.feed.FeedParser;
import com.podcastinsights.insight.InsightExtractor;
import com.podcastinsights.transcript.Transcript;
import com.podcastinsights.transcript.TranscriptParsers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The other side of the JVM-flag choice: throughput of the CPU-bound work once the JVM is warm, which is what a
 * long FetchFeeds run (thousands of feeds) or an ExtractInsights run spends its time on. Parses a 1,500-item
 * feed (the sample feed's items repeated with distinct guids, ~1.5 MB) and ranks a sample transcript's passages,
 * each for a fixed number of rounds, and prints the time of the last third of the rounds (warm).
 *
 * <p>Usage: SteadyState feed.xml transcript.vtt rounds
 */
public final class SteadyState {
    public static void main(String[] args) throws Exception {
        String sample = Files.readString(Path.of(args[0])).replace("{{BASE}}", "https://podcasts.example")
                .replaceAll("\\{\\{PUBDATE:\\d+}}", "Sun, 29 Nov 2026 09:00:00 GMT");
        int itemStart = sample.indexOf("<item>");
        int itemEnd = sample.lastIndexOf("</item>") + "</item>".length();
        String items = sample.substring(itemStart, itemEnd);
        var big = new StringBuilder(sample.substring(0, itemStart));
        for (int i = 0; big.length() < 1_500_000; i++) big.append(items.replace("</guid>", "-" + i + "</guid>"));
        big.append(sample.substring(itemEnd));
        byte[] feed = big.toString().getBytes(StandardCharsets.UTF_8);
        Transcript transcript = TranscriptParsers.parse(Files.readAllBytes(Path.of(args[1])), "text/vtt")
                .toTranscript("f", "e", "en");
        int rounds = Integer.parseInt(args[2]);
        var parser = new FeedParser();
        var extractor = new InsightExtractor();
        long feedWarm = 0, rankWarm = 0;
        int parsedItems = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            parsedItems = parser.parse(feed, URI.create("https://podcasts.example/feed.xml")).items().size();
            long t1 = System.nanoTime();
            for (int k = 0; k < 20; k++) extractor.rank(transcript, 5);
            long t2 = System.nanoTime();
            if (r >= rounds * 2 / 3) {
                feedWarm += t1 - t0;
                rankWarm += t2 - t1;
            }
        }
        int warmRounds = rounds - rounds * 2 / 3;
        System.out.printf("{\"feedBytes\":%d,\"items\":%d,\"feedParseMs\":%.1f,\"rank20Ms\":%.1f}%n", feed.length,
                parsedItems, feedWarm / 1e6 / warmRounds, rankWarm / 1e6 / warmRounds);
    }
}
