package com.podcastinsights.digest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of a MIME reader to check what {@link MimeMessageWriter} wrote: headers and decoded parts. */
public record ParsedMime(Map<String, String> headers, List<String> headerLines, List<Part> parts) {
    public record Part(String contentType, String body) {
    }

    public static ParsedMime parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.US_ASCII);
        int split = all.indexOf("\r\n\r\n");
        String head = all.substring(0, split);
        String body = all.substring(split + 4);
        List<String> lines = new ArrayList<>();
        for (String l : head.split("\r\n")) {
            if (l.startsWith(" ") || l.startsWith("\t")) lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\r\n" + l);
            else lines.add(l);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l : lines) {
            int c = l.indexOf(':');
            headers.put(l.substring(0, c), l.substring(c + 1).trim());
        }
        Matcher bm = Pattern.compile("boundary=\"([^\"]+)\"").matcher(headers.get("Content-Type"));
        if (!bm.find()) throw new IllegalArgumentException("no boundary");
        String boundary = bm.group(1);
        List<Part> parts = new ArrayList<>();
        String[] chunks = body.split(Pattern.quote("--" + boundary));
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            if (chunk.startsWith("--")) break;
            int p = chunk.indexOf("\r\n\r\n");
            String partHead = chunk.substring(0, p);
            String encoded = chunk.substring(p + 4).replace("\r\n", "");
            Matcher ct = Pattern.compile("Content-Type: ([^\r\n]+)").matcher(partHead);
            ct.find();
            parts.add(new Part(ct.group(1), new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)));
        }
        return new ParsedMime(headers, lines, parts);
    }

    public String decodedSubject() {
        String v = headers.get("Subject");
        Matcher m = Pattern.compile("=\\?UTF-8\\?B\\?([^?]*)\\?=").matcher(v);
        if (!m.find()) return v;
        m.reset();
        StringBuilder out = new StringBuilder();
        while (m.find()) out.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
        return out.toString();
    }
}
