package com.podcastinsights.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.Optional;

/** {@code podcast-insights}: the local runner and the operator's commands. Exit codes: 0 ok, 1 failure, 2 usage. */
// INHERIT: every subcommand gets --help, --version and the exit-code list from here
@Command(name = "podcast-insights", scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Podcast Insights: scans new podcast episodes and sends the top five insights daily.",
        subcommands = {RunCommand.class, FeedsCommand.class, FeedCommand.class, SubscribersCommand.class,
                TranscriptCommand.class, DigestCommand.class, ExtractCommand.class, ServeCommand.class,
                FeedbackCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (the message says what failed)", "2:bad usage or unsupported option"})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Parses and runs {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + message(e));
            if (System.getenv("PODCAST_INSIGHTS_DEBUG") != null) e.printStackTrace(commandLine.getErr());
            commandLine.getErr().flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        // a usage error is one line and where to look, not the whole help (which buries the line that matters)
        cli.setParameterExceptionHandler((e, args2) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("error: " + e.getMessage());
            c.getErr().println("see `" + c.getCommandSpec().qualifiedName() + " --help`");
            c.getErr().flush();
            return CommandLine.ExitCode.USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, feeds or subscribers");
    }

    /** The innermost useful message: wrapped exceptions otherwise hide what actually went wrong. */
    static String message(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) t = t.getCause();
        String m = t.getMessage();
        if (m == null || m.isBlank()) return t.getClass().getSimpleName();
        return Main.credentialsHint(m).orElse(m);
    }

    /**
     * The SDK's "Unable to load credentials from any of the providers in the chain" lists every provider it tried
     * (over a thousand characters); the operator needs the cause and what to do.
     */
    static Optional<String> credentialsHint(String sdkMessage) {
        if (!sdkMessage.contains("Unable to load credentials")) return Optional.empty();
        return Optional.of("no AWS credentials found; run `aws configure` (or `aws sso login`), or set"
                + " AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (PODCAST_INSIGHTS_DEBUG=1 shows the SDK's"
                + " full message)");
    }
}
