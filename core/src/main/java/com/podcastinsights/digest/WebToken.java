package com.podcastinsights.digest;

import com.podcastinsights.ids.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The credential of every reader-web link and form except one-click unsubscribe ({@link UnsubscribeToken}):
 * {@code w1.<purpose>.<base64url(fields)>.<expires, epoch s>.<keyId>.<base64url(HMAC-SHA256)>}. The MAC covers
 * everything before it and is made with a key derived from the unsubscribe secret for that purpose alone, so a
 * token of one purpose (a feedback link) never passes as another (a preferences link), and none passes after it
 * expires or after its key's grace ends. The fields (an address, a subscription generation, an insight id) are
 * encoded, not encrypted: these links go only to the reader, the pages send no Referer, and they are noindex.
 */
public final class WebToken {
    /** What a token lets its holder do; each has its own derived key. */
    public enum Purpose {
        FORM, CONFIRM, PREFERENCES, FEEDBACK;

        String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a valid token says. */
    public record Claim(Purpose purpose, List<String> fields, Instant expires) {
        public String field(int n) {
            return n < fields.size() ? fields.get(n) : "";
        }
    }

    static final int MAX_CHARS = 1000;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final Supplier<UnsubscribeKeys> keys;

    public WebToken(Supplier<UnsubscribeKeys> keys) {
        this.keys = keys;
    }

    public String issue(Purpose purpose, Instant expires, String... fields) {
        for (String f : fields) {
            if (f == null || f.indexOf('\n') >= 0) throw new IllegalArgumentException("a token field is null or has a newline");
        }
        UnsubscribeKeys.Key k = keys.get().current();
        String signed = "w1." + purpose.slug() + "." + B64.encodeToString(String.join("\n", fields)
                .getBytes(StandardCharsets.UTF_8)) + "." + expires.getEpochSecond() + "." + k.id();
        return signed + "." + B64.encodeToString(mac(k, purpose.slug(), signed));
    }

    /** The claim, or empty when the token is malformed, of another purpose, forged, altered or expired. */
    public Optional<Claim> verify(Purpose purpose, String token, Instant now) {
        if (token == null || token.length() > MAX_CHARS) return Optional.empty();
        String[] p = token.split("\\.", -1);
        if (p.length != 6 || !p[0].equals("w1") || !p[1].equals(purpose.slug())) return Optional.empty();
        try {
            Optional<UnsubscribeKeys.Key> key = keys.get().accepted(p[4], now);
            if (key.isEmpty()) return Optional.empty();
            String signed = String.join(".", Arrays.asList(p).subList(0, 5));
            // constant-time: no timing signal about how much of a guessed MAC was right
            if (!MessageDigest.isEqual(mac(key.get(), p[1], signed), B64D.decode(p[5]))) return Optional.empty();
            Instant expires = Instant.ofEpochSecond(Long.parseLong(p[3]));
            if (!now.isBefore(expires)) return Optional.empty();
            return Optional.of(new Claim(purpose, List.of(new String(B64D.decode(p[2]), StandardCharsets.UTF_8)
                    .split("\n", -1)), expires));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A keyed hash of {@code value} (an address, a source IP) for rate-limit counters: the table then holds no
     * address or IP, and without the key nobody can test a guess against it.
     */
    public String pseudonym(String value) {
        UnsubscribeKeys.Key k = keys.get().current();
        return HexFormat.of().formatHex(Sha256.hmac(derive(k, "pseudonym"), value.getBytes(StandardCharsets.UTF_8)), 0, 12);
    }

    private static byte[] mac(UnsubscribeKeys.Key k, String purpose, String signed) {
        return Sha256.hmac(derive(k, "token/" + purpose), signed.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] derive(UnsubscribeKeys.Key k, String use) {
        return Sha256.hmac(k.secret(), ("podcast-insights/web/v1/" + use).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "WebToken[key hidden]";
    }
}
