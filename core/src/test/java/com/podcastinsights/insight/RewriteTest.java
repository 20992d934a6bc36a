package com.podcastinsights.insight;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RewriteTest {
    @Test
    void appliesTheRulesInTheirOrder() {
        List<Rewrite> dropThenFold = List.of(Rewrite.of("x", ""), Rewrite.of("\\s+", " "));
        List<Rewrite> foldThenDrop = List.of(Rewrite.of("\\s+", " "), Rewrite.of("x", ""));
        assertEquals("a b", Rewrite.applyAll(dropThenFold, "a x b"));
        assertEquals("a  b", Rewrite.applyAll(foldThenDrop, "a x b"));
    }

    @Test
    void aReplacementStringMayNameAGroup() {
        assertEquals("a, b.", Rewrite.of("\\s+([,.])", "$1").apply("a , b ."));
    }

    @Test
    void aComputedReplacementSeesTheMatch() {
        Rewrite stutter = Rewrite.of("(?i)\\b(\\w+)\\s+\\1\\b", m -> m.group(1).equals("had") ? m.group() : m.group(1));
        assertEquals("the cat had had enough", stutter.apply("the the cat had had enough"));
    }
}
