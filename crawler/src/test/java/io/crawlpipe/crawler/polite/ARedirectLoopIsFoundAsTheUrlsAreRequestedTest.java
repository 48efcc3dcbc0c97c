package io.crawlpipe.crawler.polite;

import static io.crawlpipe.crawler.polite.ScriptedMode.ok;
import static io.crawlpipe.crawler.polite.ScriptedMode.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.store.ErrorType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A redirect back to where a URL has been is a loop when the two are the same request: a list line
 * written with an upper-case scheme or a dot segment, or a hop that differs only by its fragment,
 * costs no extra request.
 */
@Timeout(10)
class ARedirectLoopIsFoundAsTheUrlsAreRequestedTest {
  private final ManualEventLoop loop = new ManualEventLoop();
  private final ScriptedMode mode = new ScriptedMode(loop);

  private FetchException loopOf(String url) {
    CompletableFuture<FetchResult> result = mode.scheduler(4, new PolitenessSettings(4, Duration.ZERO, false),
        RetrySettings.DEFAULTS, BreakerSettings.DEFAULTS).fetch(url);
    loop.runPending();
    FetchException e = ScriptedMode.failure(result);
    assertThat(e.type()).isEqualTo(ErrorType.TOO_MANY_REDIRECTS);
    return e;
  }

  @Test
  void aListLineWrittenOtherwiseThanItIsRequestedRedirectingToItselfIsRequestedOnce() {
    mode.answer(u -> status(u, 302, "location", u.substring(u.indexOf('/', 8))));
    assertThat(loopOf("HTTP://a.test/self/Up").getMessage())
        .isEqualTo("redirect loop: redirect 1 leads back to http://a.test/self/Up, already requested");
    assertThat(loopOf("http://a.test/self/.").getMessage()).startsWith("redirect loop: redirect 1 leads back to");
    assertThat(mode.pageCalls()).containsExactly("HTTP://a.test/self/Up", "http://a.test/self/.");
  }

  @Test
  void aHopDifferingOnlyByItsFragmentIsWhereTheChainHasBeen() {
    mode.answer(u -> u.endsWith("/a") ? status(u, 302, "location", "/b#x")
        : u.endsWith("/b#x") ? status(u, 302, "location", "/b") : ok(u));
    assertThat(loopOf("http://a.test/a").getMessage())
        .isEqualTo("redirect loop: redirect 2 leads back to http://a.test/b, already requested");
    assertThat(mode.pageCalls()).containsExactly("http://a.test/a", "http://a.test/b#x");
  }
}
