package io.crawlpipe.crawler.cli;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads the JDK's default trust store and initialises a TLS context on a daemon thread, so that
 * the HTTP client built later in the run finds both cached. Building an OkHttp client reads and
 * parses the trust store first, which takes tens of milliseconds; on a two-core machine this
 * overlaps that work with argument parsing and output set-up, which matters for short cron runs.
 *
 * <p>Nothing waits for it or depends on it: a failure here is ignored, and the client meets the
 * same problem again and reports it. The JDK caches the parsed trust store only weakly, so the
 * caller keeps this object reachable (see {@link #keepUntilHere()}) until the client is built.
 */
final class TlsWarmUp {
  private final AtomicReference<Object> warmed = new AtomicReference<>();

  private TlsWarmUp() {}

  /** Starts the warm-up and returns at once. */
  static TlsWarmUp start() {
    TlsWarmUp warmUp = new TlsWarmUp();
    Thread.ofPlatform().name("tls-warm-up").daemon().start(warmUp::warm);
    return warmUp;
  }

  private void warm() {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init((KeyStore) null);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      warmed.set(context.getSocketFactory());
    } catch (GeneralSecurityException | RuntimeException e) {
      warmed.set(e); // the HTTP client will meet this again and report it
    }
  }

  /** Marks the point up to which the warmed-up objects must stay reachable. */
  void keepUntilHere() {
    java.lang.ref.Reference.reachabilityFence(warmed);
  }
}
