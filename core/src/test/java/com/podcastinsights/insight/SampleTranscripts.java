package com.podcastinsights.insight;

import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transcripts written for these tests: each has an intro, banter, a sponsor read, questions, an outro and
 * a few substantive claims. Turns are cut into caption-sized segments mid-sentence, the way VTT cues are.
 */
public final class SampleTranscripts {
    public static final String FEED = "7d3f9a1c2b4e6f80";
    public static final String EPISODE = "e1a2b3c4d5e6f708";

    /** Phrases that identify the substantive claims of {@link #computeFrontier}. */
    public static final List<String> COMPUTE_CLAIMS = List.of(
            "distillation lets a large model teach", "inference cost fell", "benchmark on the hardest prompts",
            "open weights matter");

    private SampleTranscripts() {
    }

    public static Transcript computeFrontier(String source) {
        Builder b = new Builder();
        b.turn("Host", "Welcome to The Compute Frontier, the show about what running software really costs. "
                + "I'm your host Dana, and joining me today is Priya, who runs inference at a mid-sized startup.");
        b.turn("Guest", "Thanks Dana, happy to be here. Ha, yeah.");
        b.turn("Host", "So um, before we start, how was the conference? Did you survive the keynote?");
        b.turn("Guest", "Oh man, yeah, it was, you know, it was a lot. Like, a lot a lot. Way too much coffee, honestly.");
        b.turn("Host", "Ha, right, totally. Okay so, why did small models suddenly get so cheap?");
        b.turn("Guest", "Small models got cheap mostly because distillation lets a large model teach a small one. "
                + "The student learns from the teacher's full probability distribution, not just the right answers, "
                + "which means it needs far fewer training examples to reach the same quality.");
        b.turn("Host", "Huh. And is that the whole story?");
        b.turn("Guest", "No, and um the hardware story is smaller than people assume. Inference cost fell about "
                + "ninety percent in two years, but new chips explain only a third of that drop. The rest came "
                + "from software, quantization to four bits and better batching, so the same chip now serves "
                + "five times as many requests.");
        b.turn("Host", "This episode is brought to you by Cloudmatic, the hosting platform for busy teams. Go to "
                + "cloudmatic.example/frontier and use code FRONTIER for 20% off your first three months. "
                + "Cloudmatic, our sponsor, thanks them for supporting the show.");
        b.turn("Host", "Okay, back to it. What do you tell companies that want the biggest model anyway?");
        b.turn("Guest", "I tell clients that that most companies overspend on model size because they benchmark on the "
                + "hardest prompts. In practice eighty percent of real traffic is simple lookups and rewriting, so "
                + "routing easy requests to a small model cuts the bill in half without users noticing.");
        b.turn("Guest", "It is a bit like, I don't know, buying a truck to carry groceries. It works, it's fine.");
        b.turn("Host", "Right, right. Yeah.");
        b.turn("Guest", "And the reason open weights matter is control, not just price. A team that runs its own "
                + "model can pin one version for years, therefore their product does not change silently when a "
                + "vendor retrains the model behind an API.");
        b.turn("Host", "That's a great place to stop. Thanks for listening to The Compute Frontier. If you liked "
                + "it, please subscribe, rate and review the show, and see you next week.");
        return new Transcript(FEED, EPISODE, "en", source, b.segments);
    }

    public static final List<String> GARDEN_CLAIMS = List.of("compost", "watering deeply", "native plants");

    /** A machine transcript without punctuation, capitals or speakers. */
    public static Transcript gardenMachineTranscript() {
        Builder b = new Builder();
        b.turn(null, "hey everybody welcome back to the backyard hour subscribe wherever you get your podcasts "
                + "i'm your host sam and today it's just me talking about soil um so yeah "
                + "this week's show is brought to you by green thumb seeds use code backyard for fifteen percent off "
                + "your first order at greenthumb dot com slash backyard "
                + "okay so the first thing i want to get across is that compost improves clay soil because the "
                + "organic matter opens up space between the particles which means water and roots can move "
                + "through instead of pooling on the surface "
                + "um anyway my dog ate a tomato last week which was hilarious yeah she loved it honestly "
                + "so what do you do about watering how often should you water "
                + "well the rule i follow is watering deeply twice a week beats a little every day because shallow "
                + "watering keeps roots near the surface and deep watering pushes them down where the soil stays "
                + "cool through a dry spell "
                + "and the last point is native plants need about half the water of lawn grass once they are "
                + "established so replacing even twenty percent of a lawn with natives cuts summer watering bills "
                + "noticeably "
                + "alright that's all for today thanks for listening and see you next week on the backyard hour");
        return new Transcript(FEED, "garden000000001", "en", "text", b.segments);
    }

    public static final List<String> MONEY_CLAIMS = List.of("fifth of your final balance", "rebalancing once a year",
            "emergency fund comes first");

    /** An interview where the guest's best line opens with "That's why", which must not stand alone. */
    public static Transcript moneyDesk() {
        Builder b = new Builder();
        b.turn("Lee", "Hello and welcome to The Money Desk. I'm Lee, and on today's episode we're talking about boring "
                + "investing with Morgan.");
        b.turn("Morgan", "Great to be here, Lee. Love the show.");
        b.turn("Lee", "So let's start simple. Why do you keep telling people to look at fees first?");
        b.turn("Morgan", "Because fees compound exactly like returns do, just in the wrong direction. A fund charging one "
                + "percent a year instead of point one percent costs you roughly a fifth of your final balance over "
                + "forty years, which means the fee is often the biggest decision you make.");
        b.turn("Morgan", "That's why I ignore star ratings entirely. They describe the past and say nothing about what "
                + "you will pay next year.");
        b.turn("Lee", "Support for this podcast comes from Ledgerly, the budgeting app. Get three months free with promo "
                + "code DESK at checkout.");
        b.turn("Lee", "Okay. And what about rebalancing, how often should people actually do it?");
        b.turn("Morgan", "Honestly, um, rebalancing once a year is plenty for most people. Checking more often mostly "
                + "creates chances to panic, and the research shows annual rebalancing keeps risk in line while "
                + "trading far less, so you also pay fewer taxes and costs.");
        b.turn("Lee", "Ha. I check mine every morning.");
        b.turn("Morgan", "Yeah, yeah, we all do, right? It's fine.");
        b.turn("Morgan", "The order matters too: an emergency fund comes first, before any investing. Without three to "
                + "six months of expenses in cash, a lost job forces you to sell at the worst moment, so the savings "
                + "account is what protects the portfolio.");
        b.turn("Lee", "That's all for today. Thanks for listening, and leave us a review if this helped.");
        return new Transcript(FEED, "money0000000001", "en", "srt", b.segments);
    }

    private static final class Builder {
        final List<Segment> segments = new ArrayList<>();
        double clock = 0;

        void turn(String speaker, String text) {
            List<String> words = Arrays.asList(text.split(" "));
            for (int i = 0; i < words.size(); i += 11) {
                String cue = String.join(" ", words.subList(i, Math.min(words.size(), i + 11)));
                segments.add(new Segment(clock, clock + 4.0, speaker, cue));
                clock += 4.0;
            }
            clock += 1.0;
        }
    }
}
