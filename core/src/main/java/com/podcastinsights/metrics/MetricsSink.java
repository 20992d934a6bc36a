package com.podcastinsights.metrics;

import java.io.PrintStream;

/** Where EMF lines go. */
@FunctionalInterface
public interface MetricsSink {
    void write(String emfLine);

    /** Drops every line: local runs and tests that do not look at metrics. */
    MetricsSink NONE = line -> { };

    /**
     * One line per call on {@code out}. In Lambda that is standard output, which Lambda ships to the function's
     * log group as one log event per line, and CloudWatch Logs extracts the metrics from it.
     */
    static MetricsSink lines(PrintStream out) {
        return line -> {
            if (line.isEmpty()) return;
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
    }

    /**
     * Standard output inside Lambda ({@code lambdaFunctionName}, the runtime's AWS_LAMBDA_FUNCTION_NAME, is set),
     * nothing anywhere else, so {@code make run} and the CLI print no metric lines among their own output.
     */
    static MetricsSink forRuntime(String lambdaFunctionName) {
        return lambdaFunctionName == null || lambdaFunctionName.isBlank() ? NONE : lines(System.out);
    }
}
