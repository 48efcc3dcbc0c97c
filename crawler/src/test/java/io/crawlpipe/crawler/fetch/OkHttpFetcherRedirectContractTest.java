package io.crawlpipe.crawler.fetch;

/** {@link RedirectContract} on OkHttp. */
class OkHttpFetcherRedirectContractTest extends RedirectContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.OKHTTP;
  }
}
