package com.podcastinsights.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoding of a feed's bytes, found as XML 1.0 appendix F describes: a byte-order mark, else the byte
 * pattern of {@code <?xml} (UTF-32 and UTF-16 in either byte order, EBCDIC, or an ASCII-compatible encoding),
 * then the encoding the declaration names, read in that family. For an ASCII-compatible document the HTTP
 * {@code charset} beats the declaration; a name that cannot describe the bytes at hand (a declared "UTF-16"
 * on 8-bit bytes, an EBCDIC name on ASCII) is ignored. Encoding names are read as loosely as the feeds that
 * write them: Python's and IANA's spellings ({@code cp_is}, {@code mac-cyrillic}, {@code csucs4}) too.
 */
final class XmlEncoding {
    /** The chosen charset, and the length of the byte-order mark to skip. */
    record Detected(Charset charset, int bomLength) {
    }

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset EBCDIC = Charset.forName("IBM037");
    private static final byte[] XML_ASCII = "<?xml".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XML_EBCDIC = "<?xml".getBytes(EBCDIC);
    /**
     * Names Java does not know, or knows as something else, keyed without case or separators. Python's "cp874"
     * is Windows Thai (Java's is IBM's), its "cp932" is Windows Japanese, and so on.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("cpis", "IBM861"), Map.entry("cpgr", "IBM869"), Map.entry("csibm855", "IBM855"),
            Map.entry("ibm039", "IBM037"), Map.entry("ebcdiccpbe", "IBM500"), Map.entry("ebcdiccpch", "IBM500"),
            Map.entry("cspc775baltic", "IBM775"), Map.entry("csmacintosh", "x-MacRoman"),
            Map.entry("macintosh", "x-MacRoman"), Map.entry("macroman", "x-MacRoman"),
            Map.entry("maccyrillic", "x-MacCyrillic"), Map.entry("xmaccyrillic", "x-MacCyrillic"),
            Map.entry("macgreek", "x-MacGreek"), Map.entry("maciceland", "x-MacIceland"),
            Map.entry("maclatin2", "x-MacCentralEurope"), Map.entry("maccentraleurope", "x-MacCentralEurope"),
            Map.entry("maccenteuro", "x-MacCentralEurope"), Map.entry("macturkish", "x-MacTurkish"),
            Map.entry("cp874", "x-windows-874"), Map.entry("cp932", "windows-31j"), Map.entry("ms932", "windows-31j"),
            Map.entry("mskanji", "windows-31j"), Map.entry("cp949", "x-windows-949"), Map.entry("ms949", "x-windows-949"),
            Map.entry("uhc", "x-windows-949"), Map.entry("cp950", "x-windows-950"), Map.entry("ms950", "x-windows-950"),
            Map.entry("latin1", "ISO-8859-1"), Map.entry("latin", "ISO-8859-1"), Map.entry("l1", "ISO-8859-1"),
            Map.entry("8859", "ISO-8859-1"), Map.entry("iso8859", "ISO-8859-1"),
            Map.entry("u8", "UTF-8"), Map.entry("utf", "UTF-8"), Map.entry("cp65001", "UTF-8"),
            Map.entry("utf8ucs2", "UTF-8"), Map.entry("utf8ucs4", "UTF-8"),
            Map.entry("u16", "UTF-16"), Map.entry("utf16", "UTF-16"), Map.entry("csunicode", "UTF-16"),
            Map.entry("ucs2", "UTF-16"), Map.entry("iso10646ucs2", "UTF-16"), Map.entry("unicode", "UTF-16"),
            Map.entry("u32", "UTF-32"), Map.entry("utf32", "UTF-32"), Map.entry("ucs4", "UTF-32"),
            Map.entry("csucs4", "UTF-32"), Map.entry("iso10646ucs4", "UTF-32"),
            Map.entry("korean", "EUC-KR"), Map.entry("ksc5601", "EUC-KR"), Map.entry("ksx1001", "EUC-KR"),
            Map.entry("chinese", "GB2312"), Map.entry("euccn", "GB2312"), Map.entry("eucgb2312cn", "GB2312"),
            Map.entry("936", "GBK"), Map.entry("cp936", "GBK"), Map.entry("ms936", "GBK"),
            Map.entry("eucjp", "EUC-JP"), Map.entry("ujis", "EUC-JP"), Map.entry("sjis", "Shift_JIS"),
            Map.entry("shiftjis", "Shift_JIS"), Map.entry("csshiftjis", "Shift_JIS"), Map.entry("big5tw", "Big5"),
            Map.entry("csbig5", "Big5"), Map.entry("tis620", "TIS-620"));

    private XmlEncoding() {
    }

    static Detected detect(byte[] head, String contentType) {
        Charset http = forName(contentType == null ? null : match(CHARSET, contentType));
        int bomLength = bomLength(head);
        Charset family = family(head);
        if (family != null && wide(family)) {
            // UTF-16 and UTF-32 say so in their bytes; a label that disagrees is wrong.
            return new Detected(family, bomLength);
        }
        if (family == EBCDIC) {
            Charset declared = forName(match(DECLARED, declaration(head, 0, EBCDIC)));
            return new Detected(declared != null && writes(declared, XML_EBCDIC) ? declared : EBCDIC, 0);
        }
        if (http != null && writes(http, XML_ASCII)) return new Detected(http, bomLength);
        // A declaration beats a UTF-8 mark: tools that add the mark to any file leave the declaration true.
        Charset declared = forName(match(DECLARED, declaration(head, bomLength, StandardCharsets.ISO_8859_1)));
        if (declared != null && writes(declared, XML_ASCII)) return new Detected(declared, bomLength);
        return new Detected(StandardCharsets.UTF_8, bomLength);
    }

    /** The encoding family that the first bytes show, or null for an ASCII-compatible one. */
    private static Charset family(byte[] h) {
        if (h.length < 4) {
            return h.length >= 2 && (h[0] & 0xff) == 0xfe && (h[1] & 0xff) == 0xff ? StandardCharsets.UTF_16BE
                    : h.length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe ? StandardCharsets.UTF_16LE : null;
        }
        int b0 = h[0] & 0xff, b1 = h[1] & 0xff, b2 = h[2] & 0xff, b3 = h[3] & 0xff;
        if (b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) return UTF_32BE;
        if (b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) return UTF_32LE;
        if (b0 == 0xfe && b1 == 0xff) return StandardCharsets.UTF_16BE;
        if (b0 == 0xff && b1 == 0xfe) return StandardCharsets.UTF_16LE;
        if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) return null;
        // No mark: "<" (or leading whitespace) spelled out in 2 or 4 bytes.
        if (b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) return UTF_32BE;
        if (b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) return UTF_32LE;
        if (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) return StandardCharsets.UTF_16BE;
        if (b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) return StandardCharsets.UTF_16LE;
        if (b0 == 0x4c && b1 == 0x6f && b2 == 0xa7 && b3 == 0x94) return EBCDIC;
        return null;
    }

    private static int bomLength(byte[] h) {
        if (h.length >= 4 && ((h[0] == 0 && h[1] == 0 && (h[2] & 0xff) == 0xfe && (h[3] & 0xff) == 0xff)
                || ((h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe && h[2] == 0 && h[3] == 0))) {
            return 4;
        }
        if (h.length >= 3 && (h[0] & 0xff) == 0xef && (h[1] & 0xff) == 0xbb && (h[2] & 0xff) == 0xbf) return 3;
        if (h.length >= 2 && (((h[0] & 0xff) == 0xfe && (h[1] & 0xff) == 0xff)
                || ((h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe))) {
            return 2;
        }
        return 0;
    }

    private static boolean wide(Charset c) {
        return c.equals(StandardCharsets.UTF_16BE) || c.equals(StandardCharsets.UTF_16LE) || c.equals(UTF_32BE)
                || c.equals(UTF_32LE);
    }

    /** Whether {@code c} spells "<?xml" as {@code expected}: the declaration could have been read in it. */
    private static boolean writes(Charset c, byte[] expected) {
        try {
            return c.canEncode() && Arrays.equals("<?xml".getBytes(c), expected);
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static String declaration(byte[] head, int from, Charset family) {
        int len = Math.max(0, Math.min(head.length - from, 200));
        return new String(head, from, len, family);
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** The charset a feed or server names, however it spells it; null when unknown or unsupported. */
    static Charset forName(String name) {
        if (name == null) return null;
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty()) return null;
        String key = n.replaceAll("[-_ .:]", "");
        String alias = ALIASES.get(key);
        for (String candidate : new String[] {alias, n, n.replace('_', '-'), key}) {
            if (candidate == null) continue;
            try {
                return Charset.forName(candidate);
            } catch (IllegalArgumentException e) {
                // unknown or unsupported under this spelling: try the next
            }
        }
        return null;
    }
}
