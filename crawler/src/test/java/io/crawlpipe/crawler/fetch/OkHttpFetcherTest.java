package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crawlpipe.store.ErrorType;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** {@link FetcherContract} on OkHttp, and what only that client does. */
class OkHttpFetcherTest extends FetcherContract {

  @Override
  PooledFetcher open(FetchSettings settings) {
    return FetchClient.OKHTTP.open(settings, 4, CLOCK);
  }

  @Override
  PooledFetcher openWithoutDns(FetchSettings settings) {
    SharedClient client = new SharedClient(SharedClient.cleartextBuilder(settings, 1)
        .dns(host -> { throw new UnknownHostException("no such host: " + host); })
        .build(), b -> b, settings.proxies());
    return FetchClient.okhttp(client, settings, CLOCK);
  }

  @Test
  void aNegativeContentLengthOfABodyNotReadIsAnIoErrorNotACrash() throws Exception {
    // OkHttp discards an unread body when the response is closed, and fails on the length there too.
    try (RawHttpServer site = new RawHttpServer()) {
      site.enqueueThenClose("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: -5\r\n\r\nhello");
      FetchException e = catchThrowableOfType(FetchException.class, () -> fetcher().fetch(site.url("/logo.png")));
      assertThat(e.type()).isEqualTo(ErrorType.IO);
      assertThat(e.getMessage()).isEqualTo("invalid Content-Length: -5");
    }
  }
}
