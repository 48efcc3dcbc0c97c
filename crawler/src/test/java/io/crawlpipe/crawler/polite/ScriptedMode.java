package io.crawlpipe.crawler.polite;

import io.crawlpipe.crawler.fetch.AsyncFetcher;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.SendGate;
import io.crawlpipe.store.ErrorType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A fake fetch mode for scheduler tests: answers each call with what {@link #answer} says (robots.txt
 * is 404 unless {@link #robots} set it) and remembers each call with the loop time it was made.
 * Answers may be futures the test completes later ({@link #held}). Used from the test thread only.
 */
final class ScriptedMode implements AsyncFetcher {
  static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  private final ManualEventLoop loop;
  private final Map<String, CompletableFuture<FetchResult>> robots = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final List<Duration> callTimes = new ArrayList<>();
  private Function<String, CompletableFuture<FetchResult>> answer = ScriptedMode::ok;
  private final List<Runnable> heldSends = new ArrayList<>();
  private boolean holdSends;
  private final Map<String, SendGate> gates = new HashMap<>();
  private final Map<String, Runnable> sents = new HashMap<>();
  private final Map<String, List<Duration>> resendTimes = new HashMap<>();

  ScriptedMode(ManualEventLoop loop) {
    this.loop = loop;
  }

  /** How page URLs are answered from now on. */
  void answer(Function<String, CompletableFuture<FetchResult>> answer) {
    this.answer = answer;
  }

  /** How {@code robotsUrl} is answered. */
  void robots(String robotsUrl, CompletableFuture<FetchResult> reply) {
    robots.put(robotsUrl, reply);
  }

  @Override
  public CompletableFuture<FetchResult> fetch(String url) {
    calls.add(url);
    callTimes.add(loop.elapsed());
    if (url.endsWith("/robots.txt")) return robots.getOrDefault(url, status(url, 404));
    return answer.apply(url);
  }

  /** From now on a request's send is reported only by {@link #reportSends}, as a worker that is slow to take it would. */
  void holdSends() {
    holdSends = true;
  }

  /** Reports the held sends, in order, as made now. */
  void reportSends() {
    heldSends.forEach(Runnable::run);
    heldSends.clear();
  }

  @Override
  public CompletableFuture<FetchResult> fetch(String url, Runnable sent) {
    if (holdSends) heldSends.add(sent);
    else sent.run();
    return fetch(url);
  }

  /** As a process pool does: remembers {@code gate}, asked by {@link #workerDied} before the URL goes again. */
  @Override
  public CompletableFuture<FetchResult> fetch(String url, Runnable sent, SendGate gate) {
    gates.put(url, gate);
    sents.put(url, sent);
    return fetch(url, sent);
  }

  /**
   * The worker holding {@code url} died: the mode asks the URL's gate, and once let go writes its
   * request again at once, reporting it sent (the same future answers it).
   */
  void workerDied(String url) {
    gates.get(url).resend(() -> {
      resendTimes.computeIfAbsent(url, u -> new ArrayList<>()).add(loop.elapsed());
      sents.get(url).run();
    });
  }

  /** Loop times at which {@code url} was written again after {@link #workerDied}. */
  List<Duration> resendTimes(String url) {
    return List.copyOf(resendTimes.getOrDefault(url, List.of()));
  }

  /** Every URL fetched, robots.txt included, in order. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  /** The page URLs fetched (robots.txt left out), in order. */
  List<String> pageCalls() {
    return calls.stream().filter(u -> !u.endsWith("/robots.txt")).toList();
  }

  /** Loop times of the calls to URLs starting with {@code prefix}, robots.txt left out. */
  List<Duration> callTimes(String prefix) {
    List<Duration> times = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).startsWith(prefix) && !calls.get(i).endsWith("/robots.txt")) times.add(callTimes.get(i));
    }
    return times;
  }

  /** Loop times of the calls to exactly {@code url}, robots.txt included. */
  List<Duration> timesOf(String url) {
    List<Duration> times = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).equals(url)) times.add(callTimes.get(i));
    }
    return times;
  }

  /** A scheduler over this mode with the given settings, a fixed wall clock and seeded jitter. */
  HostScheduler scheduler(int concurrency, PolitenessSettings politeness, RetrySettings retry, BreakerSettings breaker) {
    return new HostScheduler(this, new SchedulerSettings(concurrency, politeness, retry, breaker, "crawlpipe/test"),
        loop, Clock.fixed(NOW, ZoneOffset.UTC), new SplittableRandom(42));
  }

  static CompletableFuture<FetchResult> ok(String url) {
    return body(url, 200, "text/html", "<title>ok</title>");
  }

  static CompletableFuture<FetchResult> status(String url, int status, String... headerNamesAndValues) {
    Map<String, String> headers = new HashMap<>();
    for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
    return CompletableFuture.completedFuture(new FetchResult(url, url, status, "text/plain", headers, new byte[0], NOW, 1, 1));
  }

  static CompletableFuture<FetchResult> body(String url, int status, String contentType, String body) {
    return CompletableFuture.completedFuture(new FetchResult(url, url, status, contentType, Map.of(),
        body.getBytes(StandardCharsets.UTF_8), NOW, 1, 1));
  }

  static CompletableFuture<FetchResult> error(String url, ErrorType type) {
    return CompletableFuture.failedFuture(new FetchException(url, type, type.code() + " for " + url, null));
  }

  /** A reply the test completes later. */
  static CompletableFuture<FetchResult> held() {
    return new CompletableFuture<>();
  }

  /** The FetchException {@code result} failed with; an AssertionError when it did not fail. */
  static FetchException failure(CompletableFuture<FetchResult> result) {
    if (!result.isCompletedExceptionally()) throw new AssertionError("not failed: " + result);
    try {
      result.join();
      throw new AssertionError("not failed");
    } catch (CompletionException e) {
      return (FetchException) e.getCause();
    }
  }
}
