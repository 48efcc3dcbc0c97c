package io.crawlpipe.crawler.fetch;

/** {@link RedirectContract} on crawlpipe's own HTTP/1.1 client. */
class Http1FetcherRedirectContractTest extends RedirectContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.HTTP1;
  }
}
