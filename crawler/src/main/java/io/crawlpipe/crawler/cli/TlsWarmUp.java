package io.crawlpipe.crawler.cli;

import io.crawlpipe.crawler.mode.Mode;
import io.crawlpipe.crawler.process.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads the JDK's default trust store and initialises a TLS context on a daemon thread, so that
 * the HTTP client's TLS configuration, built on the run's first {@code https} URL, finds both
 * cached. Building it reads and parses the trust store first, which takes tens of milliseconds; on
 * a two-core machine this overlaps that work with argument parsing and output set-up, which
 * matters for short cron runs. It is done only if the run {@linkplain #mayNeedTls may need it}:
 * for a list of {@code http} URLs it would be about 0.1 s of CPU spent for nothing.
 *
 * <p>Nothing waits for it or depends on it: a failure here is ignored, and the run's start-up check
 * ({@link TlsOptions#trustStoreProblem}) meets the same problem again and reports it (exit 2). The JDK caches the parsed trust store only weakly, so the
 * caller keeps this object reachable (see {@link #keepUntilHere()}) until the client is built.
 */
final class TlsWarmUp {
  private static final int HEAD_BYTES = 16 * 1024;
  private final AtomicReference<Object> warmed = new AtomicReference<>();

  private TlsWarmUp() {}

  /**
   * Starts the warm-up for a run with these arguments and returns at once; null, and no thread,
   * when the run {@linkplain #startsNetworkWork makes no connection in this JVM}. The thread warms up
   * only if the run {@linkplain #mayNeedTls may need TLS}.
   */
  static TlsWarmUp start(String[] args) {
    if (!startsNetworkWork(args)) return null;
    TlsWarmUp warmUp = new TlsWarmUp();
    Thread.ofPlatform().name("tls-warm-up").daemon().start(() -> {
      if (mayNeedTls(args)) warmUp.warm();
    });
    return warmUp;
  }

  /**
   * False for the arguments that only print (help, version), which must not pay for TLS set-up, and
   * for {@code --mode processes}, whose worker JVMs make every connection (each warms up its own).
   */
  static boolean startsNetworkWork(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) break;
      if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) return false;
      if (arg.startsWith("--mode=") && isProcesses(arg.substring(7))) return false;
      if (arg.equals("--mode") && i + 1 < args.length && isProcesses(args[i + 1])) return false;
    }
    return args.length > 0;
  }

  private static boolean isProcesses(String mode) {
    try {
      return Mode.parse(mode) == Mode.PROCESSES;
    } catch (IllegalArgumentException e) {
      return false; // picocli reports it
    }
  }

  /**
   * A guess, before the arguments are parsed, whether a run may soon fetch an {@code https} URL:
   * for a worker (its URLs come later, from the parent), true unless the parent passed {@link
   * Worker#NO_TLS_WARM_UP} (its own guess for the list was no); otherwise false when {@code -k} or
   * {@code --insecure} is given (it loads no trust store), else true when an argument {@linkplain
   * #listMayNeedTls may be such a list}. Either wrong answer costs only time: a wrong no moves the
   * set-up to the first {@code https} fetch, a wrong yes costs what every run used to.
   */
  static boolean mayNeedTls(String[] args) {
    if (args.length > 0 && args[0].equals("worker")) return !List.of(args).contains(Worker.NO_TLS_WARM_UP);
    if (List.of(args).contains("-k") || List.of(args).contains("--insecure")) return false;
    for (String arg : args) {
      if (listMayNeedTls(arg)) return true;
    }
    return false;
  }

  /**
   * Whether the list {@code arg} names may hold an {@code https} URL: true for {@code -} (a list on
   * stdin, unseen) and for a regular file whose first 16 KB (gunzipped, for a gzip list) contain
   * {@code https:} in any case; false for anything else (a named pipe is not read ahead).
   */
  static boolean listMayNeedTls(String arg) {
    return arg.equals("-") || mentionsHttps(arg);
  }

  private static boolean mentionsHttps(String arg) {
    try {
      Path path = Path.of(arg);
      if (!Files.isRegularFile(path)) return false;
      try (InputStream raw = Files.newInputStream(path); InputStream in = ListInput.open(raw)) {
        return containsHttpsColon(in.readNBytes(HEAD_BYTES));
      }
    } catch (IOException | RuntimeException e) {
      return false; // not a readable file: the run reports it if it matters
    }
  }

  /**
   * {@code https:} in any ASCII case, in ASCII-compatible bytes or, after a UTF-16 byte-order mark,
   * in UTF-16 (the list is read so too): a plain loop, as this runs before anything is compiled.
   */
  static boolean containsHttpsColon(byte[] bytes) {
    boolean le = bytes.length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE;
    boolean be = bytes.length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF;
    if (!le && !be) return containsHttpsColonAscii(bytes);
    byte[] low = new byte[(bytes.length - 2) / 2]; // each unit's low byte: ASCII letters stay letters
    for (int i = 0; i < low.length; i++) low[i] = bytes[2 + 2 * i + (le ? 0 : 1)];
    return containsHttpsColonAscii(low);
  }

  private static boolean containsHttpsColonAscii(byte[] bytes) {
    for (int i = 5; i < bytes.length; i++) {
      if (bytes[i] == ':' && (bytes[i - 1] | 0x20) == 's' && (bytes[i - 2] | 0x20) == 'p'
          && (bytes[i - 3] | 0x20) == 't' && (bytes[i - 4] | 0x20) == 't' && (bytes[i - 5] | 0x20) == 'h') {
        return true;
      }
    }
    return false;
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
