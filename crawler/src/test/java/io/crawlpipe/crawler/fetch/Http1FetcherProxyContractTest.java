package io.crawlpipe.crawler.fetch;

/** {@link ProxyContract} on crawlpipe's own HTTP/1.1 client. */
class Http1FetcherProxyContractTest extends ProxyContract {
  @Override
  ClientUnderTest client() {
    return ClientUnderTest.HTTP1;
  }
}
