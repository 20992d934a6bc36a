package com.podcastinsights.feed;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads RSS 2.0 and Atom podcast feeds with StAX, one pass, items handed over as they are read.
 *
 * <p>DTDs and external entities are off, and a document that declares a DOCTYPE with an internal subset is
 * refused outright: a feed never needs one, and that is where XXE and entity-expansion attacks live.
 * Elements are matched by namespace URI, with well-known prefixes accepted undeclared ({@link Namespaces});
 * the fields are read by {@link FeedDocument}, and every text is cleaned once, here ({@link FeedText}).
 * Bytes go through {@link FeedInput}, which picks the encoding and repairs what real feeds break (undefined
 * entities, bare ampersands, unclosed CDATA).
 */
public final class FeedParser {
    /** Show notes are kept in the table item; cap them well under DynamoDB's 400 KB item limit. */
    static final int MAX_SHOW_NOTES_CHARS = 50_000;
    /**
     * Titles travel in the Episode Discovered event (256 KB per EventBridge entry) and the table item (400 KB):
     * a hostile megabyte-long title must be cut here, or it would fail every write and publish of its feed.
     */
    static final int MAX_TITLE_CHARS = 1_000;
    /** Every other single-value field (URLs, guid, language, types); no honest feed comes near it. */
    static final int MAX_FIELD_CHARS = 8_192;
    /** Elements nested deeper than this make the document malformed; real feeds stay under ten. */
    static final int MAX_ELEMENT_DEPTH = 100;
    /** Real feeds run to 1-8 MB; the HTTP client caps downloads at 16 MB. Files get the same room. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    private static final XMLInputFactory FACTORY = newFactory();

    private final long maxBytes;

    public FeedParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public FeedParser(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // JDK 24+ counts every &amp; of the document against entity size limits of 100,000, which a large,
        // honest feed passes. Those limits guard entity declarations, and no document with one gets this far.
        // entityExpansionLimit counts every character reference of a document too; no entity is ever declared.
        for (String limit : new String[] {"jdk.xml.maxGeneralEntitySizeLimit", "jdk.xml.totalEntitySizeLimit",
                "jdk.xml.entityExpansionLimit"}) {
            setIfSupported(f, limit, "0");
        }
        // JDK 24+ stops at 100 nested elements by default, JDK 21 (the Lambda runtime) never does; a feed needs
        // a handful, so both refuse a deeply nested document the same way.
        setIfSupported(f, "jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        return f;
    }

    private static void setIfSupported(XMLInputFactory f, String property, String value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException unsupported) {
            // an older or different StAX implementation without the limit
        }
    }

    /** Parses {@code xml}; relative URLs are resolved against {@code base} (the feed's final URL). */
    public ParsedFeed parse(byte[] xml, URI base) throws FeedFormatException {
        return parse(xml, null, base);
    }

    /** As {@link #parse(byte[], URI)}, with the HTTP Content-Type, whose charset beats the document's own. */
    public ParsedFeed parse(byte[] xml, String contentType, URI base) throws FeedFormatException {
        List<FeedItem> items = new ArrayList<>();
        Map<String, Integer> byGuid = new HashMap<>();
        Map<String, Integer> byEnclosureAndTitle = new HashMap<>();
        ParsedFeed head = stream(new ByteArrayInputStream(xml), contentType, base, item -> {
            String pair = item.enclosureUrl() == null ? null : item.enclosureUrl() + "\n" + item.title();
            Integer at = item.guid() != null ? byGuid.get(item.guid()) : null;
            if (at == null && pair != null) at = byEnclosureAndTitle.get(pair);
            if (at != null) {
                items.set(at, items.get(at).mergedWith(item));
                return;
            }
            if (item.guid() != null) byGuid.put(item.guid(), items.size());
            if (pair != null) byEnclosureAndTitle.put(pair, items.size());
            items.add(item);
        });
        return head.withItems(items);
    }

    /**
     * Streams {@code in} to {@code sink}, one item at a time, so a feed of any length parses in little
     * memory; a duplicate of an item already handed over (same guid, or same enclosure and title) is
     * dropped. Returns the channel's fields with no items.
     */
    public ParsedFeed parse(InputStream in, String contentType, URI base, Consumer<FeedItem> sink)
            throws FeedFormatException {
        Set<String> seen = new HashSet<>();
        Consumer<FeedItem> distinct = item -> {
            boolean sameGuid = item.guid() != null && !seen.add("g\n" + item.guid());
            boolean samePair = item.enclosureUrl() != null && !seen.add("e\n" + item.enclosureUrl() + "\n" + item.title());
            if (!sameGuid && !samePair) sink.accept(item);
        };
        return stream(in, contentType, base, distinct);
    }

    private ParsedFeed stream(InputStream in, String contentType, URI base, Consumer<FeedItem> sink)
            throws FeedFormatException {
        XMLStreamReader r = null;
        try (Reader chars = FeedInput.reader(in, contentType, maxBytes)) {
            r = FACTORY.createXMLStreamReader(chars);
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    refuseDtd(r.getText());
                } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new FeedFormatException("feed uses an undeclared entity &" + r.getLocalName() + ";");
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    Namespaces ns = new Namespaces();
                    String root = ns.start(r);
                    FeedDocument document = new FeedDocument(r, ns, root, base, sink);
                    return switch (rootKind(root)) {
                        case "rss", "RDF" -> document.rss();
                        case "feed" -> document.atom();
                        default -> throw new FeedFormatException("not a feed: root element is <" + r.getLocalName() + ">");
                    };
                }
            }
            throw new FeedFormatException("empty document");
        } catch (XMLStreamException e) {
            FeedInput.TooLarge tooLarge = cause(e, FeedInput.TooLarge.class);
            if (tooLarge != null) throw new FeedTooLargeException(tooLarge.max);
            XmlRepairReader.DoctypeRefused doctype = cause(e, XmlRepairReader.DoctypeRefused.class);
            if (doctype != null) throw new FeedFormatException(doctype.getMessage());
            if (String.valueOf(e.getMessage()).contains("maxElementDepth")) {
                throw new FeedFormatException("feed nests elements deeper than " + MAX_ELEMENT_DEPTH + "; refused", e);
            }
            throw new FeedFormatException("malformed feed XML: " + e.getMessage(), e);
        } catch (FeedInput.TooLarge e) {
            throw new FeedTooLargeException(e.max);
        } catch (XmlRepairReader.DoctypeRefused e) {
            throw new FeedFormatException(e.getMessage());
        } catch (IOException e) {
            throw new FeedFormatException("could not read the feed: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing useful to do
                }
            }
        }
    }

    /** The reader's own failures reach us wrapped by the XML parser. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t instanceof XMLStreamException x && type.isInstance(x.getNestedException())) {
                return type.cast(x.getNestedException());
            }
        }
        return null;
    }

    /**
     * "rss", "RDF" or "feed" for a feed's root, however it is prefixed ({@code <r:rss xmlns:r=...>}, {@code
     * <atom:feed>}, {@code <rdf:RDF>}); anything else is not a feed.
     */
    private static String rootKind(String root) {
        String local = root.substring(root.lastIndexOf(':') + 1);
        return switch (local) {
            case "rss", "RDF", "feed" -> local;
            default -> "";
        };
    }

    private static void refuseDtd(String doctype) throws FeedFormatException {
        if (doctype != null && (doctype.contains("[") || doctype.contains("]"))) {
            throw new FeedFormatException("feed declares a DOCTYPE with an internal subset; refused");
        }
    }

    /** A title or name: one line, cleaned, capped. */
    static String title(String s) {
        return capped(FeedText.line(s), MAX_TITLE_CHARS);
    }

    /** Any other single-value field (types, languages, identifiers): cleaned, capped. */
    static String clean(String s) {
        return capped(FeedText.token(s), MAX_FIELD_CHARS);
    }

    /** The first non-blank of {@code candidates} (HTML), cleaned and capped, or null. */
    static String notes(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) return capped(FeedText.multiline(c), MAX_SHOW_NOTES_CHARS);
        }
        return null;
    }

    private static String capped(String s, int max) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty()) return null;
        if (t.length() <= max) return t;
        int end = Character.isHighSurrogate(t.charAt(max - 1)) ? max - 1 : max;
        return t.substring(0, end);
    }
}
