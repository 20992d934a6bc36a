package com.podcastinsights.insight;

import java.util.Arrays;
import java.util.List;

/**
 * Word shingles as 32-bit hashes: the compact fingerprint that tells recurring text (a show's intro, its ad
 * reads, its sign-off) from conversation, which is never said twice in the same words. Seven words is long
 * enough that two people do not say the same run by chance ("I think that's a really good point" is six),
 * and short enough that a re-recorded ad read with a changed word still shares most of its shingles.
 */
final class Shingles {
    static final int SIZE = 7;

    private Shingles() {
    }

    /** The hashes of every run of {@link #SIZE} words of {@code text}, in order (empty when it is shorter). */
    static int[] of(String text) {
        return of(Words.tokens(text));
    }

    static int[] of(List<String> tokens) {
        if (tokens.size() < SIZE) return new int[0];
        int[] words = new int[tokens.size()];
        for (int i = 0; i < words.length; i++) words[i] = tokens.get(i).hashCode();
        int[] out = new int[words.length - SIZE + 1];
        for (int i = 0; i < out.length; i++) {
            // FNV-1a over the words' own hashes: order matters, and it is cheap enough for a 30,000-word episode
            int h = 0x811c9dc5;
            for (int k = i; k < i + SIZE; k++) {
                h ^= words[k];
                h *= 0x01000193;
            }
            out[i] = h;
        }
        return out;
    }

    /** Sorted, distinct: the form {@link #contains} searches and {@link ShowHistory} stores. */
    static int[] distinctSorted(int[] hashes) {
        int[] s = hashes.clone();
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) if (n == 0 || s[n - 1] != s[i]) s[n++] = s[i];
        return Arrays.copyOf(s, n);
    }

    static boolean contains(int[] sorted, int hash) {
        return Arrays.binarySearch(sorted, hash) >= 0;
    }
}
