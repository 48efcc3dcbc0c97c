package io.crawlpipe.crawler.fetch;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What {@code --insecure} checks a server with: nothing. Its trust manager accepts any certificate
 * chain (self-signed, expired, of an unknown issuer) and checks no host name; it is an {@link
 * X509ExtendedTrustManager}, so the JDK does not wrap it in a manager of its own that would check
 * the host or the certificates' algorithms after all. {@link #HOSTS} is OkHttp's host check made a
 * no-op. The TLS handshake itself, its protocol versions and ciphers, stay the JDK's. Stateless and
 * thread-safe; its server checks accept null arguments and never throw, and its client checks
 * always throw.
 */
final class UncheckedServers extends X509ExtendedTrustManager {
  /** The one instance: it holds no state. */
  static final UncheckedServers TRUST = new UncheckedServers();
  /** Accepts every host name for every session. */
  static final HostnameVerifier HOSTS = (host, session) -> true;
  private static final X509Certificate[] NONE = new X509Certificate[0];

  private UncheckedServers() {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  /** Refuses: a crawl is never a TLS server, and this must never make one trust any client. */
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("--insecure trusts servers only, never a client");
  }

  /** No issuer is named: a client certificate is never sent, as none is configured. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NONE;
  }
}
