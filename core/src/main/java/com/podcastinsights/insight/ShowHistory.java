package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a show said in its recent episodes, as shingle fingerprints: the strongest sign of boilerplate is that
 * it recurs. A show's intro, ad reads, plugs and sign-off come back in nearly the same words every episode;
 * its conversation does not. The pipeline keeps one fingerprint per episode in the bucket; the CLI builds
 * them from the files given with {@code --history}.
 */
public final class ShowHistory {
    public static final ShowHistory NONE = new ShowHistory(List.of());

    /** Each earlier episode's distinct shingle hashes, sorted. */
    private final List<int[]> episodes;

    private ShowHistory(List<int[]> episodes) {
        this.episodes = List.copyOf(episodes);
    }

    /** From stored fingerprints ({@link #fingerprint}); unreadable ones are skipped, as if never kept. */
    public static ShowHistory ofFingerprints(List<byte[]> fingerprints) {
        List<int[]> out = new ArrayList<>();
        for (byte[] f : fingerprints) {
            int[] hashes = decode(f);
            if (hashes != null) out.add(hashes);
        }
        return new ShowHistory(out);
    }

    public static ShowHistory ofTranscripts(List<Transcript> transcripts) {
        List<int[]> out = new ArrayList<>();
        for (Transcript t : transcripts) out.add(hashes(t));
        return new ShowHistory(out);
    }

    public boolean isEmpty() {
        return episodes.isEmpty();
    }

    int episodes() {
        return episodes.size();
    }

    /** How many earlier episodes said this shingle. */
    int recurrence(int hash) {
        int n = 0;
        for (int[] e : episodes) if (Shingles.contains(e, hash)) n++;
        return n;
    }

    /** The fingerprint to store for this episode: its distinct shingle hashes, 4 bytes each. */
    public static byte[] fingerprint(Transcript transcript) {
        int[] hashes = hashes(transcript);
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * hashes.length);
        b.putInt(MAGIC);
        for (int h : hashes) b.putInt(h);
        return b.array();
    }

    private static final int MAGIC = 0x50534831; // "PSH1": lets a later format be told apart

    private static int[] decode(byte[] bytes) {
        if (bytes == null || bytes.length < 4 || bytes.length % 4 != 0) return null;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt() != MAGIC) return null;
        int[] out = new int[bytes.length / 4 - 1];
        for (int i = 0; i < out.length; i++) out[i] = b.getInt();
        return Shingles.distinctSorted(out);
    }

    /** Shingles run across segment and speaker boundaries: an ad read is often cut into many caption cues. */
    private static int[] hashes(Transcript t) {
        List<String> tokens = new ArrayList<>();
        if (t.segments() != null) for (Segment s : t.segments()) if (s.text() != null) tokens.addAll(Words.tokens(s.text()));
        return Shingles.distinctSorted(Shingles.of(tokens));
    }
}
