package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

class TlsFailuresTest {

  @Test
  void aFatalAlertIsAHandshakeThatFailedNamingTheAlert() {
    assertThat(TlsFailures.describe(new SSLHandshakeException("Received fatal alert: handshake_failure"), "a.test"))
        .isEqualTo("handshake failed: handshake_failure");
  }

  @Test
  void okHttpsHostnameFailureWithItsPinsIsOneLineNamingTheHost() {
    SSLPeerUnverifiedException e = new SSLPeerUnverifiedException("Hostname localhost not verified:\n"
        + "    certificate: sha256/AbC=\n    DN: CN=other\n    subjectAltNames: []");
    assertThat(TlsFailures.describe(e, "localhost")).isEqualTo("certificate does not match host localhost");
  }

  @Test
  void anyOtherMessageLosesItsClassNamesAlertPrefixAndFurtherLines() {
    SSLException e = new SSLException("(internal_error) java.security.ProviderException: something odd\nmore detail");
    assertThat(TlsFailures.describe(e, "a.test")).isEqualTo("something odd");
    assertThat(TlsFailures.describe(new SSLException((String) null), "a.test")).isEqualTo("TLS failed (SSLException)");
  }
}
