package io.crawlpipe.bench;

import io.crawlpipe.bench.FetchFloor.Client;
import io.crawlpipe.bench.FetchFloor.Getter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.eclipse.jetty.client.ContentResponse;

/**
 * The HTTP clients measured against OkHttp as {@link FetchFloor}s, each set up like crawlpipe's
 * OkHttp client: HTTP/1.1, redirects not followed, a 30 s deadline per request, a pool sized for
 * the concurrency. Every getter throws an {@link IOException} naming the URL for a status other
 * than 200. Each client is shared by all threads; closing it ends its threads and connections.
 */
final class OtherClients {
  private OtherClients() {}

  /** The JDK's own {@link HttpClient}, its tasks on virtual threads: the alternative that needs no dependency. */
  static Client jdk() {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
    Getter getter = url -> {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return ok(url, response.statusCode(), response.body().length);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(url + ": interrupted", e);
      }
    };
    return FetchFloor.client(() -> getter, client::close);
  }

  /** Apache HttpClient 5, classic (blocking) API; retries and cookies off too. */
  static Client apache(int concurrency) {
    CloseableHttpClient client = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
    Getter getter = url -> client.execute(new HttpGet(url),
        response -> ok(url, response.getCode(), EntityUtils.toByteArray(response.getEntity()).length));
    return FetchFloor.client(() -> getter, client::close);
  }

  /** Jetty 12's client: non-blocking, on NIO selectors; each thread blocks in {@code send()}. */
  static Client jetty(int concurrency) {
    org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
    client.setMaxConnectionsPerDestination(concurrency);
    client.setMaxRequestsQueuedPerDestination(concurrency * 2);
    client.setFollowRedirects(false);
    try {
      client.start();
    } catch (Exception e) { // Jetty's lifecycle declares Exception
      throw new IllegalStateException("jetty client did not start: " + e, e);
    }
    Getter getter = url -> {
      try {
        ContentResponse response = client.newRequest(url).timeout(30, TimeUnit.SECONDS).send();
        return ok(url, response.getStatus(), response.getContent().length);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(url + ": interrupted", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException(url + ": " + e, e);
      }
    };
    return FetchFloor.client(() -> getter, () -> {
      try {
        client.stop();
      } catch (Exception e) {
        throw new IOException("jetty client did not stop: " + e, e);
      }
    });
  }

  private static long ok(String url, int status, int bodyLength) throws IOException {
    if (status != 200) throw new IOException(url + ": HTTP " + status);
    return bodyLength;
  }
}
