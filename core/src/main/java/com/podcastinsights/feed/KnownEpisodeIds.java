package com.podcastinsights.feed;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stored form of a feed's known episode ids: each 16-hex-digit id as its 8 bytes, all of them in one base64
 * string. 300 ids take 3,200 characters (4 DynamoDB write units), against 4,800 as hex or a list.
 */
final class KnownEpisodeIds {
    private static final int ID_BYTES = 8;
    private static final HexFormat HEX = HexFormat.of();

    private KnownEpisodeIds() {
    }

    static String encode(List<String> ids) {
        byte[] out = new byte[ids.size() * ID_BYTES];
        for (int i = 0; i < ids.size(); i++) {
            System.arraycopy(HEX.parseHex(ids.get(i)), 0, out, i * ID_BYTES, ID_BYTES);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(out);
    }

    /** Ids in stored order; an unreadable value reads as none known, which costs writes, never an episode. */
    static Set<String> decode(String stored) {
        Set<String> ids = new LinkedHashSet<>();
        if (stored == null || stored.isEmpty()) return ids;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            return ids;
        }
        if (bytes.length % ID_BYTES != 0) return ids;
        for (int at = 0; at < bytes.length; at += ID_BYTES) {
            ids.add(HEX.formatHex(bytes, at, at + ID_BYTES));
        }
        return ids;
    }

    /** Episode ids are 16 lower-case hex digits (EpisodeRepository.idFor); any other id is never stored. */
    static boolean storable(String id) {
        if (id == null || id.length() != ID_BYTES * 2) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }
}
