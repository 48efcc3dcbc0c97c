package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A host's addresses for {@link Http1Connector}, found within the fetch's deadline. The JDK's
 * resolver cannot be interrupted and may take as long as the system's resolver settings allow, so a host
 * name is looked up on a virtual thread of its own while the fetch waits, guarded by its {@link
 * Http1Alarm}: when the alarm rings (the deadline, or a cancel) the fetch stops waiting and the
 * lookup is left to finish alone. An IP address needs no lookup and is answered on the caller's
 * thread. Stateless.
 */
final class NameLookup {
  private NameLookup() {}

  /** The addresses of {@code host}, in the order to try them; none is an {@link UnknownHostException}. */
  static InetAddress[] addresses(Http1Connector.Resolver resolver, String host, Http1Alarm alarm) throws IOException {
    InetAddress[] addresses = isIpAddress(host) ? resolver.resolve(host) : inBackground(resolver, host, alarm);
    if (addresses.length == 0) throw new UnknownHostException(host + ": no addresses");
    return addresses;
  }

  private static InetAddress[] inBackground(Http1Connector.Resolver resolver, String host, Http1Alarm alarm)
      throws IOException {
    CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
    Thread.ofVirtual().name("lookup-" + host).start(() -> {
      try {
        lookup.complete(resolver.resolve(host));
      } catch (Throwable e) {
        lookup.completeExceptionally(e);
      }
    });
    alarm.guard(() -> lookup.completeExceptionally(new SocketException("name lookup of " + host + " did not finish")));
    try {
      return lookup.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof Error error) throw error;
      throw new UnknownHostException(host + ": " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted looking up " + host);
    } finally {
      alarm.unguard();
    }
  }

  /**
   * True for a host as {@link Origin} holds it that is an IPv6 address or a dotted-quad IPv4 address
   * (four decimal numbers up to 255, the form OkHttp gives). Anything else is a name, even one of
   * digits and dots such as {@code 999.1.1.1}, which the JDK looks up like any other.
   */
  static boolean isIpAddress(String host) { // a plain scan: this runs for every new connection
    if (host.indexOf(':') >= 0) return true;
    int parts = 0;
    int digits = 0;
    int value = 0;
    for (int i = 0; i <= host.length(); i++) {
      char c = i < host.length() ? host.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || value > 255 || ++parts > 4) return false;
        digits = 0;
        value = 0;
      } else if (c >= '0' && c <= '9' && digits < 3) {
        digits++;
        value = value * 10 + (c - '0');
      } else {
        return false;
      }
    }
    return parts == 4;
  }

}
