package com.podcastinsights.cli;

import java.nio.file.Path;

/** The run's report on stdout: the top five, then the files this run wrote. */
final class ResultPrinter {
    private ResultPrinter() {
    }

    static String topFive(LocalPipeline.Result r) {
        StringBuilder b = new StringBuilder();
        if (r.topFive().isEmpty()) {
            return "No insights for " + r.day() + ".\n";
        }
        b.append("Top ").append(r.topFive().size()).append(" insights for ").append(r.day()).append(":\n");
        int n = 1;
        for (DigestLine line : r.topFive()) {
            b.append(String.format("%n%d. %s — %s [%s]%n", n++, line.podcast(), line.episode(), line.timestamp()));
            b.append("   ").append(line.text()).append('\n');
            b.append("   ").append(line.link()).append('\n');
        }
        return b.toString();
    }

    /** Who got mail from this run and who did not, and why: one line per active subscriber. */
    static String recipients(LocalPipeline.Result r) {
        StringBuilder b = new StringBuilder("Subscribers:\n");
        for (LocalPipeline.Recipient x : r.recipients()) {
            b.append("  ").append(x.email()).append(": ")
                    .append(x.mail() != null ? "mail written (" + x.mail().getFileName() + ")" : x.why()).append('\n');
        }
        return b.toString();
    }

    static String files(LocalPipeline.Result r) {
        StringBuilder b = new StringBuilder("\n");
        if (r.written().isEmpty()) {
            b.append("Wrote no email this run.\n");
        } else {
            b.append("Wrote:\n");
            for (Path p : r.written()) b.append("  ").append(p).append('\n');
        }
        b.append(recipients(r));
        b.append("Data: ").append(r.out()).append(" (bucket/ as in S3, table/, outbox/)\n");
        return b.toString();
    }
}
