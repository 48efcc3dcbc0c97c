package io.crawlpipe.crawler.fetch;

import java.io.EOFException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which servers' certificates a crawl's fetches trust: the JDK's default trust anchors (its {@code
 * cacerts}, or the trust store the {@code javax.net.ssl.trustStore} property names) and, added to
 * them, the certificate {@code authorities} given with {@code --ca-cert}. With none added both
 * clients keep the JDK's default TLS context; with some, each builds one context of its own over
 * a trust store holding both. {@code insecure} ({@code --insecure}, {@link #INSECURE}) trusts every
 * server instead: any certificate chain, for any host name, no trust store loaded, so it adds no
 * authority (IllegalArgumentException). Immutable and thread-safe; a null component throws a
 * NullPointerException naming it.
 */
public record TlsTrust(List<X509Certificate> authorities, boolean insecure) {
  /** The JDK's default trust anchors alone. */
  public static final TlsTrust JDK_DEFAULT = new TlsTrust(List.of());
  /** Every server's certificate, unchecked, whatever host it names ({@code --insecure}). */
  public static final TlsTrust INSECURE = new TlsTrust(List.of(), true);
  private static final String TRUST_STORE = "javax.net.ssl.trustStore";

  public TlsTrust {
    Objects.requireNonNull(authorities, "authorities");
    int i = 0;
    for (X509Certificate authority : authorities) Objects.requireNonNull(authority, "authorities[" + i++ + "] is null");
    authorities = List.copyOf(authorities);
    if (insecure && !authorities.isEmpty()) {
      throw new IllegalArgumentException("an insecure trust checks no certificate, so it takes no authorities");
    }
  }

  /** The JDK's default trust anchors and {@code authorities}, checked as always. */
  public TlsTrust(List<X509Certificate> authorities) {
    this(authorities, false);
  }

  /**
   * The JDK's default trust anchors and the certificates in {@code pem} (PEM text; empty: none);
   * IllegalArgumentException naming {@code source} if it holds text but no certificate, or a
   * certificate that does not parse.
   */
  public static TlsTrust ofPem(String pem, String source) {
    return pem.isEmpty() ? JDK_DEFAULT : new TlsTrust(PemCertificates.parse(pem, source));
  }

  /** This trust plus the certificates in {@code pem}, read from {@code source} (see {@link #ofPem}). */
  public TlsTrust adding(String pem, String source) {
    List<X509Certificate> more = new java.util.ArrayList<>(authorities);
    more.addAll(PemCertificates.parse(pem, source));
    return new TlsTrust(more, insecure);
  }

  /** The added authorities as PEM text, as {@link #ofPem} reads it; empty when none. */
  public String pem() {
    return PemCertificates.text(authorities);
  }

  /** True when no authority is added to the JDK's default trust anchors, and servers are checked. */
  public boolean isJdkDefault() {
    return authorities.isEmpty() && !insecure;
  }

  /**
   * Builds the TLS context(s) this trust gives, as the clients will ({@link SSLContext#getDefault()},
   * which the JDK keeps, for {@link #JDK_DEFAULT}), so that a trust store the JVM cannot load is
   * found at the start of a run rather than at each {@code https} URL. An {@link #insecure} trust
   * loads no trust store, so an unloadable one does not fail it.
   *
   * @throws IllegalStateException whose message is {@link #unloadable}'s line
   */
  public void check() {
    if (isJdkDefault()) {
      Http1Fetcher.defaultTls();
    } else {
      context();
    }
  }

  /**
   * The JDK's default trust anchors' trust manager, newly built; an IllegalStateException naming
   * the deepest cause ({@link #unloadable}) if they cannot be loaded. The JDK's default TLS context
   * keeps only the first lines of a second failure's causes, so its failures are explained by this.
   */
  static X509TrustManager jdkAnchors() {
    try {
      TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jdk.init((KeyStore) null);
      return x509(jdk.getTrustManagers());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(unloadable(e), e);
    }
  }

  /**
   * A new TLS context over the JDK's default trust anchors and {@link #authorities}; when {@link
   * #insecure}, one that checks no server ({@link UncheckedServers}) and loads no trust store.
   */
  Context context() {
    if (insecure) return unchecked();
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate anchor : jdkAnchors().getAcceptedIssuers()) {
        store.setCertificateEntry("jdk-" + i++, anchor);
      }
      for (X509Certificate authority : authorities) store.setCertificateEntry("ca-cert-" + i++, authority);
      TrustManagerFactory both = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      both.init(store);
      return over(x509(both.getTrustManagers()));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(unloadable(e), e);
    }
  }

  /**
   * A new TLS context over the JDK's default trust anchors alone, as OkHttp builds its default one,
   * but failing as {@link #jdkAnchors} does, with {@link #unloadable}'s line.
   */
  static Context jdkContext() {
    try {
      return over(jdkAnchors());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(unloadable(e), e);
    }
  }

  private static Context unchecked() {
    try {
      return over(UncheckedServers.TRUST);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS for --insecure: " + e.getMessage(), e);
    }
  }

  private static Context over(X509TrustManager trust) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    return new Context(context.getSocketFactory(), trust);
  }

  private static X509TrustManager x509(TrustManager[] managers) throws GeneralSecurityException {
    for (TrustManager manager : managers) {
      if (manager instanceof X509TrustManager x509) return x509;
    }
    throw new GeneralSecurityException("the JDK has no X.509 trust manager");
  }

  /**
   * One line for {@code e}, a failure to set up TLS over the JDK's default trust store: {@code the
   * default trust store could not be loaded: } and the deepest cause's message, then the trust
   * store the {@code javax.net.ssl.trustStore} property names, if any.
   */
  static String unloadable(Throwable e) {
    Throwable deepest = e;
    String reason = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      deepest = t;
      if (t.getMessage() != null && !t.getMessage().isBlank()) reason = TlsFailures.withoutClassNames(t.getMessage());
    }
    if (deepest instanceof EOFException && deepest.getMessage() == null) reason = "the file ends early";
    String named = System.getProperty(TRUST_STORE);
    return "the default trust store could not be loaded: " + (reason == null || reason.isEmpty() ? "no reason given" : reason)
        + (named == null ? "" : " (-D" + TRUST_STORE + "=" + named + "; it must be a key store"
            + " and its password right: add a PEM certificate with --ca-cert FILE instead)");
  }

  /** A TLS context's socket factory and the trust manager it checks servers with. */
  record Context(SSLSocketFactory sockets, X509TrustManager trustManager) {
    Context {
      Objects.requireNonNull(sockets, "sockets");
      Objects.requireNonNull(trustManager, "trustManager");
    }
  }
}
