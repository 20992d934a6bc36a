package com.podcastinsights.digest;

import com.podcastinsights.ids.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an RFC 5322 message: multipart/alternative with a UTF-8 text part, then a UTF-8 HTML part (clients
 * show the last part they can render), CRLF line endings, base64 bodies so no line is ever too long.
 *
 * <p>Every header value passes through {@link MailText#headerValue}: a subject built from a transcript or an
 * extra header must not be able to add headers of its own. The boundary starts with "=_", which base64 can
 * never produce, so it cannot collide with a body.
 */
public final class MimeMessageWriter {
    private static final String CRLF = "\r\n";
    private static final Pattern NAMED = Pattern.compile("(.*)<([^<>]+)>\\s*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");
    private static final int ENCODED_WORD_BYTES = 39; // 52 base64 characters: a folded line stays under 78

    /** What goes into one message. {@code extraHeaders} may be empty. */
    public record Message(String from, String to, String subject, ZonedDateTime date, String messageId,
                          String listUnsubscribe, Map<String, String> extraHeaders, String text, String html) {
    }

    public byte[] write(Message m) {
        String boundary = "=_pi_" + Sha256.hex(m.text() + "\n" + m.html()).substring(0, 24);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", mailbox(m.from()));
        headers.put("To", mailbox(m.to()));
        headers.put("Subject", encodeIfNeeded(MailText.headerValue(m.subject())));
        headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(m.date()));
        headers.put("Message-ID", "<" + MailText.headerValue(m.messageId()).replaceAll("[<>\\s]", "") + ">");
        headers.put("MIME-Version", "1.0");
        if (m.listUnsubscribe() != null) {
            java.util.List<String> uris = listUnsubscribeUris(m.listUnsubscribe());
            // folded between the URIs: a token makes the line long, and 78 characters is the polite limit
            headers.put("List-Unsubscribe", String.join("," + CRLF + " ", uris.stream().map(u -> "<" + u + ">").toList()));
            if (uris.stream().anyMatch(u -> u.regionMatches(true, 0, "https://", 0, 8))) {
                // RFC 8058: the HTTPS URI takes a one-click POST, so providers may show their own button
                headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }
        if (m.extraHeaders() != null) {
            for (var e : m.extraHeaders().entrySet()) {
                if (!HEADER_NAME.matcher(e.getKey()).matches()) {
                    throw new IllegalArgumentException("not a header name: " + MailText.headerValue(e.getKey()));
                }
                if (headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(e.getKey()))) continue;
                headers.put(e.getKey(), encodeIfNeeded(MailText.headerValue(e.getValue())));
            }
        }
        headers.put("Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");

        StringBuilder b = new StringBuilder();
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append(CRLF));
        b.append(CRLF);
        b.append("This is a multi-part message in MIME format.").append(CRLF);
        part(b, boundary, "text/plain; charset=UTF-8", m.text());
        part(b, boundary, "text/html; charset=UTF-8", m.html());
        b.append("--").append(boundary).append("--").append(CRLF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void part(StringBuilder b, String boundary, String contentType, String body) {
        b.append("--").append(boundary).append(CRLF);
        b.append("Content-Type: ").append(contentType).append(CRLF);
        b.append("Content-Transfer-Encoding: base64").append(CRLF);
        b.append(CRLF);
        String normalized = body.replace("\r\n", "\n").replace('\r', '\n').replace("\n", CRLF);
        String encoded = Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII))
                .encodeToString(normalized.getBytes(StandardCharsets.UTF_8));
        b.append(encoded).append(CRLF);
    }

    /** "Name <addr>" with a non-ASCII name encodes only the name; the address itself must stay as it is. */
    static String mailbox(String value) {
        String v = MailText.headerValue(value);
        Matcher m = NAMED.matcher(v);
        if (!m.matches()) return v;
        String name = m.group(1).trim().replaceAll("^\"|\"$", "");
        if (name.isEmpty()) return "<" + m.group(2).trim() + ">";
        String shown = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                ? (name.matches("[A-Za-z0-9 !#$%&'*+/=?^_`{|}~.-]+") ? name : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                : encodeIfNeeded(name);
        return shown + " <" + m.group(2).trim() + ">";
    }

    /** RFC 2047 B-encoding for non-ASCII values, split on character boundaries and folded. */
    static String encodeIfNeeded(String value) {
        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) return value;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int end = i;
            int bytes = 0;
            while (end < value.length()) {
                int cp = value.codePointAt(end);
                int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + len > ENCODED_WORD_BYTES) break;
                bytes += len;
                end += Character.charCount(cp);
            }
            if (!out.isEmpty()) out.append(CRLF).append(' ');
            out.append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(value.substring(i, end).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            i = end;
        }
        return out.toString();
    }

    /** {@code <a>, <b>} or a bare URI; whitespace and angle brackets never survive inside a URI. */
    static java.util.List<String> listUnsubscribeUris(String value) {
        String v = MailText.headerValue(value);
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<([^<>]*)>").matcher(v);
        while (m.find()) {
            String u = m.group(1).replaceAll("\\s", "");
            if (!u.isEmpty()) out.add(u);
        }
        if (out.isEmpty()) {
            String u = v.replaceAll("[<>\\s]", "");
            if (!u.isEmpty()) out.add(u);
        }
        return out;
    }
}
