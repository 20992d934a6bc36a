package com.podcastinsights.digest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a subscriber unsubscribes: the one-click HTTPS endpoint (the Unsubscribe function's URL) with a signed
 * token, and the mailto fallback for clients that only do mail. Together they are the RFC 2369 / RFC 8058
 * {@code List-Unsubscribe} header; the footer links the same HTTPS address.
 */
public final class UnsubscribeLinks {
    /** Local runs have no endpoint; .invalid can never resolve, so such a link cannot reach anyone. */
    public static final String LOCAL_ENDPOINT = "https://unsubscribe.invalid/";
    private final String endpoint;
    private final UnsubscribeToken tokens;
    private final String senderAddress;

    public UnsubscribeLinks(String endpoint, UnsubscribeToken tokens, String senderAddress) {
        String e = endpoint == null ? "" : endpoint.trim();
        if (!e.toLowerCase(Locale.ROOT).startsWith("https://") || !MailText.isWebLink(e) || e.contains("#")) {
            // RFC 8058: the one-click URI must be HTTPS
            throw new IllegalArgumentException("unsubscribe endpoint must be an https URL: " + MailText.headerValue(endpoint));
        }
        this.endpoint = e;
        this.tokens = tokens;
        this.senderAddress = senderAddress;
    }

    /** For local runs: a key that lives as long as the process, and the .invalid endpoint. */
    public static UnsubscribeLinks local(String senderAddress) {
        return new UnsubscribeLinks(LOCAL_ENDPOINT, new UnsubscribeToken(UnsubscribeToken.randomKey()), senderAddress);
    }

    public String oneClick(String email) {
        return endpoint + (endpoint.contains("?") ? "&" : "?") + "token="
                + URLEncoder.encode(tokens.issue(email), StandardCharsets.UTF_8);
    }

    public String mailto() {
        return MailText.unsubscribeMailto(senderAddress);
    }

    /** The header value: {@code <https://...>, <mailto:...>}, HTTPS first as RFC 8058 wants it used. */
    public String header(String email) {
        return "<" + oneClick(email) + ">, <" + mailto() + ">";
    }
}
