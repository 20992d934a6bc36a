package com.podcastinsights.digest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Where a subscriber unsubscribes: the one-click HTTPS endpoint (the Unsubscribe function's URL) with a token for
 * their address and subscription. It is the RFC 8058 {@code List-Unsubscribe} header and the footer's link. There
 * is no {@code mailto:} alternative: no mailbox reads such requests, and a header must not promise what nothing
 * keeps.
 */
public final class UnsubscribeLinks {
    /** Local runs have no endpoint; .invalid can never resolve, so such a link cannot reach anyone. */
    public static final String LOCAL_ENDPOINT = "https://unsubscribe.invalid/";
    private final String endpoint;
    private final Supplier<UnsubscribeToken> tokens;

    public UnsubscribeLinks(String endpoint, UnsubscribeToken tokens) {
        this(endpoint, () -> tokens);
    }

    /**
     * {@code tokens} is asked for each link: a deployed SendDigest passes one that reads the keys again now and
     * then, so a key rotation reaches environments restored from an old SnapStart snapshot.
     */
    public UnsubscribeLinks(String endpoint, Supplier<UnsubscribeToken> tokens) {
        String e = endpoint == null ? "" : endpoint.trim();
        if (!e.toLowerCase(Locale.ROOT).startsWith("https://") || !MailText.isWebLink(e) || e.contains("#")) {
            // RFC 8058: the one-click URI must be HTTPS
            throw new IllegalArgumentException("unsubscribe endpoint must be an https URL: " + MailText.headerValue(endpoint));
        }
        this.endpoint = e;
        this.tokens = tokens;
    }

    /** For local runs: a key that lives as long as the process, and the .invalid endpoint. */
    public static UnsubscribeLinks local() {
        return new UnsubscribeLinks(LOCAL_ENDPOINT, new UnsubscribeToken(UnsubscribeToken.randomKey()));
    }

    public String endpoint() {
        return endpoint;
    }

    /** The signing keys, as the token supplier has them now (the reader web's links use the same secret). */
    public Supplier<UnsubscribeKeys> keys() {
        return () -> tokens.get().keys();
    }

    public String oneClick(String email, long generation) {
        return endpoint + (endpoint.contains("?") ? "&" : "?") + "token="
                + URLEncoder.encode(tokens.get().issue(email, generation), StandardCharsets.UTF_8);
    }

    /** The header value: {@code <https://...>}. */
    public String header(String email, long generation) {
        return "<" + oneClick(email, generation) + ">";
    }
}
