package io.crawlpipe.crawler.polite;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final RetryPolicy policy = new RetryPolicy(new RetrySettings(5, Duration.ofSeconds(1), Duration.ofSeconds(10)),
      Clock.fixed(NOW, ZoneOffset.UTC), new SplittableRandom(7));

  private static FetchResult response(int status, Map<String, String> headers) {
    return new FetchResult("http://a.test/", "http://a.test/", status, null, headers, new byte[0], NOW, 1, 1);
  }

  private static FetchException failure(ErrorType type) {
    return new FetchException("http://a.test/", type, "x", null);
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503, 504})
  void transientStatusesAreRetried(int status) {
    assertThat(policy.nextWait(1, response(status, Map.of()), null)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 301, 404, 410, 500, 501})
  void otherStatusesAreFinal(int status) {
    assertThat(policy.nextWait(1, response(status, Map.of()), null)).isNull();
  }

  @ParameterizedTest
  @EnumSource(ErrorType.class)
  void onlyConnectTimeoutAndIoFailuresAreRetried(ErrorType type) {
    boolean retried = policy.nextWait(1, null, failure(type)) != null;
    assertThat(retried).isEqualTo(type == ErrorType.CONNECT || type == ErrorType.TIMEOUT || type == ErrorType.IO);
  }

  @Test
  void unexpectedExceptionsAreNotRetried() {
    assertThat(policy.nextWait(1, null, new IllegalStateException("bug"))).isNull();
  }

  @Test
  void noRetryOnceTheRetriesAreUsedUp() {
    assertThat(policy.nextWait(5, response(503, Map.of()), null)).isNotNull();
    assertThat(policy.nextWait(6, response(503, Map.of()), null)).isNull();
  }

  @Test
  void backoffDoublesWithJitterInTheUpperHalfAndIsCapped() {
    for (int attempt = 1; attempt <= 5; attempt++) {  // 1, 2, 4, 8, then 16 capped at 10 s
      long full = Math.min(10_000, 1000L << (attempt - 1));
      RetryPolicy.Wait wait = policy.nextWait(attempt, null, failure(ErrorType.CONNECT));
      assertThat(wait.serverAsked()).isFalse();
      assertThat(wait.duration().toMillis()).as("attempt %d", attempt).isBetween(full / 2, full);
    }
  }

  @Test
  void retryAfterInSecondsIsUsedAsGiven() {
    RetryPolicy.Wait wait = policy.nextWait(1, response(503, Map.of("retry-after", "4")), null);
    assertThat(wait).isEqualTo(new RetryPolicy.Wait(Duration.ofSeconds(4), true));
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
    RetryPolicy.Wait wait = policy.nextWait(1, response(429, Map.of("retry-after", "Sun, 22 Nov 2026 10:00:08 GMT")), null);
    assertThat(wait.duration()).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void retryAfterInTheObsoleteDateFormsIsReadToo() {
    for (String date : new String[] {"Sunday, 22-Nov-26 10:00:08 GMT", "Sun Nov 22 10:00:08 2026"}) {
      RetryPolicy.Wait wait = policy.nextWait(1, response(503, Map.of("retry-after", date)), null);
      assertThat(wait.duration()).as(date).isEqualTo(Duration.ofSeconds(8));
      assertThat(wait.serverAsked()).isTrue();
    }
  }

  @Test
  void retryAfterIsCappedAtTheMaximumWaitAndAPastDateMeansNow() {
    assertThat(policy.nextWait(1, response(503, Map.of("retry-after", "86400")), null).duration())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.nextWait(1, response(503, Map.of("retry-after", "Sun, 22 Nov 2026 09:00:00 GMT")), null).duration())
        .isZero();
  }

  @Test
  void retryAfterSecondsWithLeadingZerosAreTheSecondsTheyWrite() {
    assertThat(policy.retryAfter("0000000003")).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.retryAfter("000000000000000000000")).isZero();
    assertThat(policy.retryAfter("00000000009999999999")).isEqualTo(Duration.ofSeconds(10));  // capped
  }

  @Test
  void unreadableRetryAfterFallsBackToBackoff() {
    RetryPolicy.Wait wait = policy.nextWait(1, response(503, Map.of("retry-after", "soon")), null);
    assertThat(wait.serverAsked()).isFalse();
    assertThat(wait.duration().toMillis()).isBetween(500L, 1000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0663", "\uff13", "1\u0663", "\u0966\u0967"})  // Arabic-Indic 3, fullwidth 3, mixed, Devanagari 01
  void retryAfterWithNonAsciiDigitsIsUnreadableSoBackoffIsUsedAndTheHostIsNotPaused(String value) {
    assertThat(policy.retryAfter(value)).isNull();
    RetryPolicy.Wait wait = policy.nextWait(1, response(503, Map.of("retry-after", value)), null);
    assertThat(wait.serverAsked()).isFalse();
    assertThat(wait.duration().toMillis()).isBetween(500L, 1000L);
    assertThat(policy.hostPause(response(503, Map.of("retry-after", value)))).isNull();
  }
}
