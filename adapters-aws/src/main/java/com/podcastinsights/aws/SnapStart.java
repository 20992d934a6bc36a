package com.podcastinsights.aws;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A function's SnapStart registration: {@code prime} runs before the snapshot (see {@link Priming}); nothing runs
 * after restore, because the clients hold no connections at checkpoint time. The global context holds resources
 * weakly, so the function keeps this object for as long as it lives.
 */
public final class SnapStart implements Resource {
    /** Warms what the function's first request would load: no network and no AWS call. */
    @FunctionalInterface
    public interface Prime {
        void run() throws Exception;
    }

    private final Prime prime;

    private SnapStart(Prime prime) {
        this.prime = prime;
    }

    public static SnapStart register(Prime prime) {
        SnapStart registration = new SnapStart(prime);
        Core.getGlobalContext().register(registration);
        return registration;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        prime.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: clients hold no connections at checkpoint time
    }
}
