package com.podcastinsights.digest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The unsubscribe link's credential: the subscriber's address and an HMAC-SHA256 of it under a server-side key,
 * {@code v1.<base64url(email)>.<base64url(mac)>}. A mail provider's one-click POST carries no login, so the
 * token alone must prove the link came from us; without the key nobody can make one for another address, and
 * changing one character of the address or the MAC makes it invalid. The key never leaves this object (it is
 * not in {@link #toString()}), and tokens do not expire: a link in a year-old email must still work.
 */
public final class UnsubscribeToken {
    static final int MIN_KEY_BYTES = 32;
    /** Far above any real token; a cap so a hostile request cannot make us decode megabytes. */
    static final int MAX_TOKEN_CHARS = 600;
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final SecretKeySpec key;

    public UnsubscribeToken(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("unsubscribe key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A fresh random key, for local runs and tests where no link has to outlive the process. */
    public static byte[] randomKey() {
        byte[] k = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    public String issue(String email) {
        String e = SubscriberRepository.normalize(email);
        return VERSION + "." + B64.encodeToString(e.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(e));
    }

    /** The address the token was issued for, or empty when it is malformed, forged or altered. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) return Optional.empty();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) return Optional.empty();
        try {
            String email = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
            byte[] given = B64D.decode(parts[2]);
            // constant-time comparison: no timing signal about how much of a guessed MAC was right
            if (!MessageDigest.isEqual(mac(email), given)) return Optional.empty();
            return Optional.of(SubscriberRepository.normalize(email));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String email) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            // a purpose prefix: the same key can never be confused with a MAC made for something else
            return m.doFinal(("unsubscribe\u0000" + email).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "UnsubscribeToken[key hidden]";
    }
}
