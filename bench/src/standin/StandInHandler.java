package bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.podcastinsights.aws.AwsClients;
import com.podcastinsights.aws.DynamoDbTable;
import com.podcastinsights.aws.EventBridgePublisher;
import com.podcastinsights.aws.S3BlobStore;
import com.podcastinsights.aws.SesMailer;
import com.podcastinsights.config.Env;
import com.podcastinsights.port.Item;
import com.podcastinsights.port.OutgoingMail;
import com.podcastinsights.port.PipelineEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A STAND-IN, used by bench/coldstart only while a function's real handler is not in its jar: it builds the same
 * SDK clients the same way (AwsClients, endpoint null as in Lambda) and makes the calls the stage's adapters make
 * (DynamoDB query/put, S3 put/get, one PutEvents, one SES SendEmail). Rows measured with it are marked.
 * STANDIN_KIND selects the stage: feeds, transcript, insights, digest.
 */
public final class StandInHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String kind;
    private final DynamoDbTable table;
    private final S3BlobStore blobs;
    private final EventBridgePublisher events;
    private final SesMailer mailer;
    private final String sender;

    public StandInHandler() {
        Env env = Env.system();
        kind = env.require("STANDIN_KIND");
        var region = AwsClients.lambdaRegion();
        var credentials = AwsClients.lambdaCredentials();
        table = new DynamoDbTable(AwsClients.dynamoDb(region, null, credentials), env.require("TABLE_NAME"));
        if (kind.equals("digest")) {
            mailer = new SesMailer(AwsClients.sesV2(region, null, credentials), env.optional("CONFIGURATION_SET", null));
            sender = env.require("SENDER_ADDRESS");
            blobs = null;
            events = null;
        } else {
            blobs = new S3BlobStore(AwsClients.s3(region, null, credentials), env.require("BUCKET_NAME"));
            events = new EventBridgePublisher(AwsClients.eventBridge(region, null, credentials),
                    env.require("EVENT_BUS_NAME"));
            mailer = null;
            sender = null;
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        String id = event.path("id").asText();
        String result;
        if (kind.equals("digest")) {
            List<Item> subscribers = table.queryIndex("SUBSCRIBERS", false, 100);
            table.put(Item.of("DIGEST#" + id, "RUN").with("subscribers", subscribers.size()).build());
            String raw = "From: " + sender + "\r\nTo: reader@example.com\r\nSubject: Your digest\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\ntext body\r\n";
            String messageId = mailer.send(new OutgoingMail(sender, "reader@example.com", "Your digest",
                    "text body", "<p>html body</p>", java.util.Map.of(), raw.getBytes(StandardCharsets.UTF_8)));
            result = "sent " + messageId;
        } else {
            List<Item> known = table.query("FEED#" + kind, "EPISODE#");
            table.put(Item.of("FEED#" + kind, "EPISODE#" + id).with("title", "t").index("EPISODES", id).build());
            String key = kind + "/" + id + ".json";
            blobs.put(key, JSON.writeValueAsBytes(event), "application/json");
            int size = blobs.get(key).map(b -> b.length).orElse(-1);
            events.publish(List.of(new PipelineEvent("podcast-insights", "Bench " + kind,
                    JSON.writeValueAsString(event.path("detail")))));
            result = "known=" + known.size() + " blob=" + size;
        }
        output.write(JSON.writeValueAsBytes(JSON.createObjectNode().put("result", result)));
    }
}
