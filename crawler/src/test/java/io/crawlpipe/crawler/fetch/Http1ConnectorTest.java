package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a connection's phases tell the fetch's progress, so that a timeout names the right one. */
class Http1ConnectorTest {
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
  private final AtomicReference<Http1Alarm> alarm = new AtomicReference<>();

  @AfterEach
  void stop() {
    watchdog.shutdownNow();
  }

  /**
   * A connector whose resolver rings the fetch's alarm, as a deadline passing while it runs would;
   * then it resolves an IP address, and fails a name (no name is looked up).
   */
  private Http1Connector ringingWhileResolving() {
    return new Http1Connector(() -> {
      throw new AssertionError("no TLS here");
    }, host -> {
      alarm.get().ring();
      if (!NameLookup.isIpAddress(host)) throw new UnknownHostException(host);
      return Http1Connector.Resolver.SYSTEM.resolve(host);
    }, ProxyRoutes.DIRECT, true);
  }

  private FetchProgress open(Http1Connector connector, Origin origin) {
    FetchProgress progress = new FetchProgress(Duration.ofMillis(1));
    Set<Http1Alarm> armed = ConcurrentHashMap.newKeySet();
    try (Http1Alarm deadline = new Http1Alarm(watchdog, System.nanoTime() + TimeUnit.MINUTES.toNanos(1), armed, progress)) {
      alarm.set(deadline);
      progress.request(origin.host(), null);
      assertThatThrownBy(() -> connector.open(origin, deadline)).isInstanceOf(IOException.class);
    }
    return progress;
  }

  @Test
  void anIpAddressIsNeverSaidToBeLookedUpOnlyConnectedTo() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      FetchProgress progress = open(ringingWhileResolving(), new Origin(false, "127.0.0.1", server.getLocalPort()));
      assertThat(progress.timeoutMessage())
          .isEqualTo("connect to 127.0.0.1:" + server.getLocalPort() + " did not finish within 1ms (--timeout)");
    }
  }

  @Test
  void aHostNameWhoseLookupOutlivesTheDeadlineIsSaidToBeLookedUp() {
    FetchProgress progress = open(ringingWhileResolving(), new Origin(false, "site.test", 80));
    assertThat(progress.timeoutMessage()).isEqualTo("name lookup of site.test did not finish within 1ms (--timeout)");
  }
}
