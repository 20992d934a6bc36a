package com.podcastinsights.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven packaged into the jar (META-INF/maven/.../pom.properties); "development build" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    static final String POM_PROPERTIES = "META-INF/maven/com.podcastinsights/cli/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) return new String[]{"podcast-insights (development build)"};
            Properties p = new Properties();
            p.load(in);
            return new String[]{"podcast-insights " + p.getProperty("version", "unknown")};
        }
    }
}
