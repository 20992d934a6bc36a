package com.podcastinsights.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to the reader web, however it was served: {@code base} is the site's root as the client reached it
 * ({@code https://<function url host>/}, or the local server's), {@code source} the client's IP (for rate limits),
 * {@code origin} its Origin header (null when it sent none). Query and form values are decoded, bounded lists.
 */
public record WebRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> form,
                         String base, String source, String origin) {
    /** A form is a few fields; anything bigger is not from our pages. */
    public static final int MAX_BODY = 16 * 1024, MAX_FIELDS = 200;

    public String param(String name) {
        List<String> v = form.getOrDefault(name, query.getOrDefault(name, List.of()));
        return v.isEmpty() ? null : v.get(0);
    }

    public List<String> all(String name) {
        return form.getOrDefault(name, List.of());
    }

    public boolean post() {
        return "POST".equals(method);
    }

    /** {@code a=1&b=2} as name to values, in order; malformed pairs are skipped, and more than the bounds refused. */
    public static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return out;
        if (encoded.length() > MAX_BODY) throw new IllegalArgumentException("form too large");
        String[] pairs = encoded.split("&");
        if (pairs.length > MAX_FIELDS) throw new IllegalArgumentException("too many form fields");
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                // a broken %-escape: that field is left out, as a browser would never send it
            }
        }
        return out;
    }
}
