package com.podcastinsights.web;

import com.podcastinsights.digest.WebResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of every reader-web answer, the same whichever server sends it. The policy allows only this site's
 * stylesheet and script (no inline code, so injected markup cannot run), forms posting back to this site, and no
 * framing (clickjacking an unsubscribe or feedback button). Token pages are never cached or sent as a Referer.
 */
public final class WebHeaders {
    public static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private WebHeaders() {
    }

    public static Map<String, String> of(WebResponse r) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", r.contentType());
        h.put("cache-control", r.contentType().startsWith("text/html") ? "no-store" : "public, max-age=300");
        h.put("content-security-policy", CSP);
        h.put("x-content-type-options", "nosniff");
        h.put("x-frame-options", "DENY");
        h.put("referrer-policy", "no-referrer");
        h.put("strict-transport-security", "max-age=31536000; includeSubDomains");
        h.put("x-robots-tag", "noindex");
        return h;
    }
}
