package com.podcastinsights.cli;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.io.ByteArrayInputStream;

/**
 * Reads the feed subscriptions of an OPML file: every {@code outline} with an {@code xmlUrl}, at any depth
 * (podcast apps nest them in folders). DTDs and external entities are refused, since OPML files come from
 * other people's apps.
 */
public final class OpmlReader {
    /** A podcast app's export of a few thousand subscriptions is well under a megabyte. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private OpmlReader() {
    }

    /** One subscription; {@code title} is null when the outline has neither title nor text. */
    public record Subscription(String url, String title) {
    }

    /** The good entries of an OPML file, and a line for each entry that is not (its line number and why). */
    public record Parsed(List<Subscription> feeds, List<String> rejected) {
    }

    public static List<Subscription> read(Path file) throws IOException {
        return strict(readAll(file));
    }

    public static Parsed readAll(Path file) throws IOException {
        return readAll(new ByteArrayInputStream(InputFiles.read(file, MAX_BYTES, "OPML file")), file.toString());
    }

    /**
     * Subscriptions in document order, without duplicate URLs.
     *
     * @throws IllegalArgumentException when the document is not well-formed OPML or an xmlUrl is not http(s)
     */
    public static List<Subscription> read(InputStream in, String name) {
        return strict(readAll(in, name));
    }

    private static List<Subscription> strict(Parsed p) {
        if (!p.rejected().isEmpty()) throw new IllegalArgumentException(p.rejected().get(0));
        return p.feeds();
    }

    /**
     * As {@link #read(InputStream, String)}, but one bad entry (an xmlUrl that is not http(s)) does not spoil the
     * rest: it is listed in {@link Parsed#rejected}. A document that is not well-formed OPML is still refused whole.
     */
    public static Parsed readAll(InputStream in, String name) {
        Map<String, Subscription> byUrl = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(in);
            boolean sawOpml = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new IllegalArgumentException(name + ": DOCTYPE declarations are not accepted in OPML");
                }
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                String element = xml.getLocalName();
                if (!sawOpml) {
                    if (!"opml".equalsIgnoreCase(element)) {
                        throw new IllegalArgumentException(name + ": not OPML (root element is <" + element + ">)");
                    }
                    sawOpml = true;
                }
                if (!"outline".equalsIgnoreCase(element)) continue;
                String url = attribute(xml, "xmlUrl");
                if (url == null || url.isBlank()) continue;
                url = url.trim();
                if (!isHttp(url)) {
                    rejected.add(name + " line " + xml.getLocation().getLineNumber()
                            + ": xmlUrl is not an http(s) URL: " + url);
                    continue;
                }
                String title = attribute(xml, "title");
                if (title == null || title.isBlank()) title = attribute(xml, "text");
                byUrl.putIfAbsent(url, new Subscription(url, title == null || title.isBlank() ? null : title.trim()));
            }
            if (!sawOpml) throw new IllegalArgumentException(name + ": empty document, expected OPML");
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(name + ": not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader we are abandoning anyway; the original error matters more
                }
            }
        }
        return new Parsed(List.copyOf(byUrl.values()), List.copyOf(rejected));
    }

    static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** OPML writers disagree on attribute case (xmlUrl, xmlurl), so match it loosely. */
    private static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equalsIgnoreCase(name)) return xml.getAttributeValue(i);
        }
        return null;
    }
}
