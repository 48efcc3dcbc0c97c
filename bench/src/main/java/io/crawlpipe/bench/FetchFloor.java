package io.crawlpipe.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor of a JVM fetcher: fetches every URL of a list and throws the body away, with nothing
 * of crawlpipe around it (no parse, no results file, no scheduler, no CLI). {@code bench/run raw}
 * and {@code latency} time it next to curl and {@code ./crawl}, so the part of crawlpipe's time that any JVM crawler
 * pays on this machine is measured rather than guessed.
 *
 * <p>{@code FetchFloor socket|socket-parse|nio|nio-parse|nio-split|okhttp|okhttp-seq|jdk|apache|jetty
 * CONCURRENCY LIST}: {@code CONCURRENCY} virtual threads (connections, for {@code nio}) take URLs
 * from the list in order. {@code socket} is the least a JVM does with blocking sockets ({@link
 * SocketGetter}): one keep-alive socket per thread to the list's one host, a hand-written HTTP/1.1
 * GET that understands only {@code Content-Length} framing (all the synthetic site sends); {@code
 * socket-parse} adds target 1's work on each page ({@link ParsingFloor}). {@code nio} is curl's
 * design instead, one thread on a selector ({@link NioFloor}), to tell what blocking reads on
 * virtual threads cost; {@code nio-parse} adds target 1's work to it, each body in an array of its
 * own as a crawler keeps it; {@code nio-split} hands each page to a second thread for that work,
 * so that both cores are used. {@code okhttp} is one shared OkHttp client, configured as crawlpipe's;
 * {@code okhttp-seq} the same with {@code fastFallback(false)} (connections made on the calling
 * thread, not on OkHttp's task runner). {@code jdk}, {@code apache} and {@code jetty} are the other
 * clients measured against OkHttp ({@link OtherClients}).
 * Exits 1 unless every response was a 200.
 */
public final class FetchFloor {
  /** The clients {@link #open} knows; {@code main} also takes {@code nio}, {@code nio-parse} and {@code nio-split}. */
  static final List<String> NAMES = List.of("socket", "socket-parse", "okhttp", "okhttp-seq", "jdk", "apache", "jetty");

  private FetchFloor() {}

  /** Fetches one URL to its end; returns the body length. Each thread has its own. */
  interface Getter extends AutoCloseable {
    long get(String url) throws IOException;

    /** Ends what this thread's getter holds of its own (a socket); nothing by default. */
    @Override
    default void close() throws IOException {}
  }

  /** One HTTP client under test, shared by every thread; it makes each thread's {@link Getter}. */
  interface Client extends AutoCloseable {
    Getter newGetter();

    @Override
    void close() throws IOException;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    List<String> nioNames = List.of("nio", "nio-parse", "nio-split"); // on a selector, not on getters
    if (args.length != 3 || !(nioNames.contains(args[0]) || NAMES.contains(args[0]))
        || !args[1].matches("[1-9][0-9]{0,5}")) {
      System.err.println("usage: FetchFloor " + String.join("|", nioNames) + "|" + String.join("|", NAMES) + " CONCURRENCY LIST");
      System.exit(2);
    }
    List<String> urls = Files.readAllLines(Path.of(args[2]));
    int concurrency = Integer.parseInt(args[1]);
    try (Client client = open(args[0], concurrency)) {
      long bytes = switch (args[0]) {
        case "nio" -> NioFloor.fetchAll(urls, concurrency);
        case "nio-parse", "nio-split" -> ParsingFloor.nioInTemporaryFile(urls, concurrency, args[0].equals("nio-split"));
        default -> fetchAll(urls, concurrency, client::newGetter);
      };
      System.err.printf("FetchFloor %s: %d urls, %d bytes%n", args[0], urls.size(), bytes);
    } catch (IOException | RuntimeException e) { // runtime ones from nio's parsing and results file
      System.err.println("FetchFloor: " + e);
      System.exit(1);
    }
  }

  /** The client named {@code name} (one of {@link #NAMES}), its pool sized for {@code concurrency}; null for another name. */
  static Client open(String name, int concurrency) throws IOException {
    return switch (name) {
      case "socket" -> client(SocketGetter::new, () -> {});
      case "socket-parse" -> ParsingFloor.inTemporaryFile();
      case "okhttp", "okhttp-seq" -> okhttp(client(concurrency, name.equals("okhttp")));
      case "jdk" -> OtherClients.jdk();
      case "apache" -> OtherClients.apache(concurrency);
      case "jetty" -> OtherClients.jetty(concurrency);
      default -> null;
    };
  }

  /** A client made of a getter factory and what closes it. */
  static Client client(Supplier<Getter> getters, Closeable closer) {
    return new Client() {
      @Override
      public Getter newGetter() {
        return getters.get();
      }

      @Override
      public void close() throws IOException {
        closer.close();
      }
    };
  }

  /**
   * Fetches every URL on {@code concurrency} virtual threads, each with its own getter, and
   * returns the body bytes read.
   *
   * @throws IOException the first failure, after every thread has ended
   */
  static long fetchAll(List<String> urls, int concurrency, Supplier<Getter> getters)
      throws IOException, InterruptedException {
    AtomicInteger next = new AtomicInteger();
    LongAdder bytes = new LongAdder();
    List<IOException> failures = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      threads.add(Thread.ofVirtual().start(() -> {
        try (Getter getter = getters.get()) {
          for (int i; (i = next.getAndIncrement()) < urls.size(); ) bytes.add(getter.get(urls.get(i)));
        } catch (IOException e) {
          failures.add(e);
        } catch (RuntimeException e) { // a URL it cannot even request still counts as a failure
          failures.add(new IOException(e.toString(), e));
        }
      }));
    }
    for (Thread thread : threads) thread.join();
    if (!failures.isEmpty()) throw failures.getFirst();
    return bytes.sum();
  }

  /**
   * Set up as crawlpipe's {@code SharedClient} and {@code OkHttpFetcher} use OkHttp (this module does
   * not depend on the crawler): cleartext only (the site is {@code http}, and crawlpipe builds its
   * TLS configuration only for an {@code https} URL), a pool sized for the concurrency, no socket
   * read or write timeout, redirects not followed, OkHttp's own resending off (crawlpipe resends
   * once itself), one 30 s deadline per call; connect timeout at OkHttp's default.
   */
  static OkHttpClient client(int concurrency, boolean fastFallback) {
    return new OkHttpClient.Builder()
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .fastFallback(fastFallback)
        .connectionPool(new ConnectionPool(concurrency, 1, TimeUnit.MINUTES))
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .callTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** {@code client} as a floor: its getters share it; closing ends its threads and connections. */
  static Client okhttp(OkHttpClient client) {
    Getter getter = url -> {
      try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
        if (response.code() != 200) throw new IOException(url + ": HTTP " + response.code());
        return response.body().bytes().length;
      }
    };
    return client(() -> getter, () -> {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    });
  }
}
