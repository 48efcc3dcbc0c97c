package io.crawlpipe.crawler.fetch;

/** {@link ConnectionReuseContract} on crawlpipe's own HTTP/1.1 client. */
class Http1FetcherConnectionReuseContractTest extends ConnectionReuseContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.HTTP1;
  }
}
