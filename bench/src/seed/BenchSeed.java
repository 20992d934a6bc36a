package bench;

import java.util.List;
import com.podcastinsights.feed.TranscriptLink;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.digest.SubscriberRepository;
import com.podcastinsights.digest.UnsubscribeKeys;
import com.podcastinsights.digest.UnsubscribeToken;
import com.podcastinsights.feed.Episode;
import com.podcastinsights.feed.EpisodeRepository;
import com.podcastinsights.feed.Feed;
import com.podcastinsights.feed.FeedRepository;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Seeds moto so that the sample events in events/ drive each function down its real path, the way the pipeline
 * would: one feed, its episode recorded but not yet announced (fetch-feeds announces it; fetch-transcript finds
 * it), show notes with a full episode's text (the transcript link points at a loopback address, which the
 * production HTTP policy refuses, so the show notes stand in: no internet needed), and one active subscriber.
 * extract-insights and send-digest then read what the earlier stages wrote in the same round.
 *
 * <p>Usage: BenchSeed endpoint table transcript.vtt unsubscribe-secret (prints the subscriber's unsubscribe token)
 */
public final class BenchSeed {
    public static void main(String[] args) throws Exception {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        var table = new DynamoDbTable(AwsClients.dynamoDb(Region.US_EAST_1, URI.create(args[0]), credentials), args[1]);
        String text = Files.readAllLines(Path.of(args[2])).stream()
                .filter(l -> !l.isBlank() && !l.contains("-->") && !l.matches("\\d+") && !l.startsWith("WEBVTT")
                        && !l.startsWith("NOTE"))
                .map(l -> l.replaceAll("<[^>]+>", ""))
                .collect(Collectors.joining("\n"));
        String feedId = "7d3f9a1c2b4e6f80";
        String now = Instant.now().toString();
        new FeedRepository(table).save(new Feed(feedId, "https://127.0.0.1/compute-frontier.xml",
                "The Compute Frontier", null, null, null, 0, null));
        new EpisodeRepository(table).recordUnannounced(new Episode(feedId, "e1a2b3c4d5e6f708", "cf-001",
                "The Compute Frontier", "Why small models got cheap", "2026-11-29T09:00:00Z",
                "https://podcasts.example/cf-001", "https://podcasts.example/cf-001.mp3",
                text, List.of(new TranscriptLink("https://127.0.0.1/cf-001.vtt", "text/vtt", null, null)), null, now));
        SubscriberRepository subscribers = new SubscriberRepository(table);
        subscribers.subscribe("reader@bench.example", now);
        // the last line out: the reader's unsubscribe token, for the unsubscribe function's event
        long generation = subscribers.subscription("reader@bench.example").orElseThrow().generation();
        System.out.println(new UnsubscribeToken(UnsubscribeKeys.parse(args[3])).issue("reader@bench.example", generation));
    }
}
