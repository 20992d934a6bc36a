package com.podcastinsights.function;

import com.podcastinsights.feed.Episode;
import com.podcastinsights.transcript.Segment;
import com.podcastinsights.transcript.Transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A made-up episode for SnapStart priming: long and varied enough (claims with reasons, numbers, a sponsor read, an
 * intro, filler, questions) that ranking it runs the cue patterns, reader fit, cleaning and passage widening a real
 * transcript does. A three-line transcript left most of that code cold in the first invoke after restore.
 */
final class PrimingEpisode {
    private static final String[][] LINES = {
            {"Host", "Welcome back to the show, everyone, and thanks for listening today."},
            {"Host", "This episode is brought to you by our sponsor, visit the link in the show notes for twenty percent off."},
            {"Guest", "Thanks for having me, it's great to be here."},
            {"Host", "So, um, let's start with the basics. What actually changed in the grid over the last decade?"},
            {"Guest", "Well, the big shift is that solar got cheap. Panel prices fell by about ninety percent since 2010."},
            {"Guest", "And that matters because the cheapest power now arrives at noon, when demand is lowest."},
            {"Host", "Right, right. Yeah."},
            {"Guest", "Batteries store four hours of energy because the evening peak lasts about that long,"
                    + " which means a fifth hour earns far less than it costs."},
            {"Guest", "The data shows that most new storage in California is sized to exactly that window."},
            {"Host", "Interesting. So is it a technology limit or an economic one?"},
            {"Guest", "It's economic. The chemistry could do eight hours, but nobody pays for the extra four."},
            {"Host", "You know, I think a lot of listeners assume the opposite."},
            {"Guest", "They do, and the reason is that headlines talk about capacity in megawatts, not in hours."},
            {"Guest", "A plant of 100 megawatts that runs for four hours delivers 400 megawatt hours, and that is the"
                    + " number that decides whether it makes money."},
            {"Host", "Okay. Let me push back a little. Doesn't wind change the picture at night?"},
            {"Guest", "It does in places like Texas, where wind blows hardest after dark, so storage there earns less."},
            {"Guest", "In fact, the study we published found that storage revenue drops by a third in windy regions."},
            {"Host", "Hmm. Sorry, go on."},
            {"Guest", "The lesson is that the value of storage depends on what else is on the grid, not on the battery itself."},
            {"Host", "Before we continue, a quick word about our newsletter: subscribe and rate us five stars."},
            {"Host", "And we're back. What should policy makers take from this?"},
            {"Guest", "First, pay for flexibility directly, because energy prices alone undervalue a battery that"
                    + " can answer in seconds."},
            {"Guest", "Second, build transmission, since a line between two regions can do the job of a lot of storage."},
            {"Guest", "Researchers at the university estimated that one new line saved two billion dollars a year."},
            {"Host", "That's a big number. Where does the saving come from?"},
            {"Guest", "Mostly from not building gas plants that would run only a few days a year."},
            {"Host", "So, like, the peaker plants."},
            {"Guest", "Exactly. A peaker that runs fifty hours a year still needs a crew, a gas contract and a permit."},
            {"Guest", "The surprising part is that retiring them lowered bills, because their fixed costs were the largest"
                    + " item on the capacity market."},
            {"Host", "Let's switch topics for a minute and talk about homes."},
            {"Guest", "Heat pumps cut a typical heating bill by a third, because they move heat instead of making it."},
            {"Guest", "Even at minus fifteen degrees they deliver two units of heat for every unit of electricity."},
            {"Host", "I did not know that. And what about electric cars?"},
            {"Guest", "Charging overnight matters more than the size of the battery, since that is when the grid has slack."},
            {"Guest", "A utility in Ohio found that smart charging avoided forty million dollars of transformer upgrades."},
            {"Host", "What's the one thing you'd want people to remember?"},
            {"Guest", "That cheap storage doesn't replace the grid; it changes which hours of the day are valuable."},
            {"Host", "Great. Where can people find your work?"},
            {"Guest", "On my website, and I'm on most social media under my name."},
            {"Host", "Thanks so much for coming on. That's all for this week, see you next time."}};

    private PrimingEpisode() {
    }

    static Transcript transcript() {
        List<Segment> segments = new ArrayList<>();
        double at = 0;
        for (String[] line : LINES) {
            double end = at + 3 + line[1].length() / 15.0;
            segments.add(new Segment(at, end, line[0], line[1]));
            at = end;
        }
        return new Transcript("prime", "prime", "en", "vtt", segments);
    }

    static Episode episode() {
        return new Episode("prime", "prime", "prime", "Priming Show", "Why batteries hold four hours",
                "2026-01-01T00:00:00Z", "https://priming.invalid/episode", "https://priming.invalid/episode.mp3",
                "A storage researcher on why batteries hold four hours, and what transmission has to do with it."
                        + " Sponsored by our sponsor. Follow us on social media.",
                List.of(), "en", "2026-01-01T00:00:00Z");
    }
}
