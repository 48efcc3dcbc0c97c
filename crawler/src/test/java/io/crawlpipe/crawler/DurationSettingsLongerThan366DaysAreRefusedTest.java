package io.crawlpipe.crawler;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.polite.BreakerSettings;
import io.crawlpipe.crawler.polite.PolitenessSettings;
import io.crawlpipe.crawler.polite.RetrySettings;
import io.crawlpipe.crawler.process.ProcessPoolSettings;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every duration a Java caller sets is at most 366 days, as on the command line: a longer one
 * overflowed later (a crawl that never returned, a stop that threw, every URL {@code internal}), so
 * it is refused where it is set, naming the setting.
 */
class DurationSettingsLongerThan366DaysAreRefusedTest {
  private static final Duration MAX = Duration.ofDays(366);

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("grace", (Function<Duration, Object>) CrawlControl::new),
        Arguments.of("delay", (Function<Duration, Object>) d -> new PolitenessSettings(4, d, false)),
        Arguments.of("breaker cooldown", (Function<Duration, Object>) d -> new BreakerSettings(1, d)),
        Arguments.of("backoff", (Function<Duration, Object>) d -> new RetrySettings(1, d, d)),
        Arguments.of("maxWait", (Function<Duration, Object>) d -> new RetrySettings(1, Duration.ZERO, d)),
        Arguments.of("answerGrace", (Function<Duration, Object>) d -> new ProcessPoolSettings(1, 64L << 20, 0, d,
            Duration.ofSeconds(1), List.of())),
        Arguments.of("startTimeout", (Function<Duration, Object>) d -> new ProcessPoolSettings(1, 64L << 20, 0,
            Duration.ZERO, d, List.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void aDurationOverTheLimitIsRefusedNamingTheSettingAndTheLimitIsTaken(String setting, Function<Duration, Object> make) {
    for (Duration tooLong : List.of(MAX.plusNanos(1), Duration.ofSeconds(Long.MAX_VALUE),
        ChronoUnit.FOREVER.getDuration())) {
      assertThatThrownBy(() -> make.apply(tooLong)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(setting + " must be at most 366 days, was " + tooLong);
    }
    assertThatCode(() -> make.apply(MAX)).as("the limit itself").doesNotThrowAnyException();
  }
}
