package com.podcastinsights.local;

import java.util.Comparator;

/**
 * S3 and DynamoDB order strings by their UTF-8 bytes, which is code point order. {@link String#compareTo} compares
 * UTF-16 units instead and disagrees for characters beyond U+FFFF, so the embedded adapters sort with this.
 */
final class Utf8Order {
    static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
