package com.podcastinsights.transcript;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a transcript document of any supported format into segments. The declared type (from the feed's
 * {@code podcast:transcript type} or the response's Content-Type) picks the parser, unless the content
 * plainly says otherwise: hosts often serve VTT as text/plain and JSON as application/octet-stream.
 */
public final class TranscriptParsers {
    public static final String JSON = "json";
    public static final String VTT = "vtt";
    public static final String SRT = "srt";
    public static final String HTML = "html";
    public static final String TEXT = "text";
    /** Amazon Transcribe's output JSON: speech-to-text, so machine words rather than a publisher's. */
    public static final String TRANSCRIBE = "transcribe";

    private static final Pattern TIMING_LINE = Pattern.compile("(?m)^\\s*[\\d:.,]+\\s*-->\\s*[\\d:.,]+");
    private static final Pattern SRT_TIMING = Pattern.compile("(?m)^\\s*\\d+:\\d{2}:\\d{2},\\d+\\s*-->");

    private TranscriptParsers() {
    }

    /** Throws {@link TextSniffer.NotTextException} for a body that is not text (a PDF, audio, random bytes). */
    public static ParsedTranscript parse(byte[] bytes, String declaredType) {
        TextSniffer.requireText(bytes);
        String text = decode(bytes);
        // A WEBVTT header settles it; otherwise SRT and VTT look alike and the publisher's word is kept.
        String format = text.stripLeading().startsWith("WEBVTT") ? VTT : choose(formatOf(declaredType), sniff(text));
        if (format.equals(JSON)) {
            JsonNode root = JsonTranscriptParser.read(text);
            if (TranscribeOutputParser.looksLikeTranscribe(root)) {
                return new ParsedTranscript(TRANSCRIBE, TranscribeOutputParser.parse(root));
            }
            return new ParsedTranscript(JSON, JsonTranscriptParser.parse(root));
        }
        List<Segment> segments = switch (format) {
            case VTT, SRT -> CueParser.parse(text);
            case HTML -> HtmlTranscriptParser.parse(text);
            default -> PlainTextParser.parse(text);
        };
        return new ParsedTranscript(format, segments);
    }

    /** Our format name for a MIME type or a bare name ("vtt"), ignoring parameters; null when unknown. */
    public static String formatOf(String declaredType) {
        if (declaredType == null) return null;
        String t = declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "application/json", "text/json", "application/x-json", "json" -> JSON;
            case "text/vtt", "text/webvtt", "vtt" -> VTT;
            case "application/srt", "application/x-subrip", "text/srt", "text/x-srt", "application/x-srt", "srt" -> SRT;
            case "text/html", "application/xhtml+xml", "html" -> HTML;
            case "text/plain", "text" -> TEXT;
            default -> t.endsWith("+json") ? JSON : null;
        };
    }

    /** Our format name for a file's extension (".htm" and ".txt" included); null when unknown, so content decides. */
    public static String formatOfFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return formatOf(switch (ext) {
            case "htm" -> HTML;
            case "txt" -> TEXT;
            default -> ext;
        });
    }

    static String choose(String declared, String sniffed) {
        // Cue and JSON formats always show themselves, so content that shows nothing is text whatever its label.
        if (sniffed == null) return HTML.equals(declared) ? HTML : TEXT;
        if (declared == null) return sniffed;
        boolean bothCues = (declared.equals(VTT) || declared.equals(SRT)) && (sniffed.equals(VTT) || sniffed.equals(SRT));
        return bothCues ? declared : sniffed;
    }

    /** The format the content itself shows, or null when it shows none (plain text looks like anything). */
    static String sniff(String text) {
        String head = text.stripLeading();
        if (head.startsWith("WEBVTT")) return VTT;
        if (head.startsWith("{") || head.startsWith("[") && startsJsonArray(head)) {
            return JSON;
        }
        String start = head.length() > 4096 ? head.substring(0, 4096) : head;
        if (SRT_TIMING.matcher(start).find()) return SRT;
        if (TIMING_LINE.matcher(start).find()) return VTT;
        String lower = start.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<p>")
                || lower.contains("<p ") || lower.contains("<cite") || lower.contains("<body")) {
            return HTML;
        }
        return null;
    }

    /**
     * A transcript in JSON that is an array holds objects; "[00:01:10] Ana: ..." is a text transcript whose lines
     * open with a bracketed time.
     */
    private static boolean startsJsonArray(String head) {
        for (int i = 1; i < head.length(); i++) {
            char c = head.charAt(i);
            if (!Character.isWhitespace(c)) return c == '{' || c == ']';
        }
        return true;
    }

    /** UTF-8 unless a byte-order mark says UTF-16; the BOM itself is dropped. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
