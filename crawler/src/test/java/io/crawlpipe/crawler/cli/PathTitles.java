package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.net.InetAddress;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A loopback site for CLI tests: every page is HTML whose title is the path it was fetched at. */
final class PathTitles {
  private PathTitles() {}

  /** Starts {@code server} on 127.0.0.1 serving such pages. */
  static void serve(MockWebServer server) throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/html")
            .body("<title>" + request.getUrl().encodedPath() + "</title>").build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }
}
