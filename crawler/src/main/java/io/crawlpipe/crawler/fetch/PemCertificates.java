package io.crawlpipe.crawler.fetch;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * X.509 certificates as PEM text: each between a {@code -----BEGIN CERTIFICATE-----} and a {@code
 * -----END CERTIFICATE-----} line, base64 in between. Text outside those blocks (a bundle's
 * comments, a private key's block) is ignored, as curl's {@code --cacert} ignores it. Stateless
 * and thread-safe.
 */
final class PemCertificates {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  /** What {@code openssl x509 -trustout} writes instead of {@link #BEGIN}: a certificate with trust settings. */
  private static final String TRUSTED = "-----BEGIN TRUSTED CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";
  private static final Pattern BLOCK = Pattern.compile(Pattern.quote(BEGIN) + "(.*?)" + Pattern.quote(END), Pattern.DOTALL);

  private PemCertificates() {}

  /**
   * The certificates in {@code text}, in order; {@code source} names where it came from in the
   * message of the IllegalArgumentException thrown for text with no certificate, a block without
   * its end line, or a block that is not a certificate (one line, no Java class names).
   */
  static List<X509Certificate> parse(String text, String source) {
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = BLOCK.matcher(text);
    int end = 0;
    while (block.find()) {
      certificates.add(certificate(block.group(1), source, certificates.size() + 1));
      end = block.end();
    }
    if (text.indexOf(BEGIN, end) >= 0) {
      throw new IllegalArgumentException(source + ": certificate " + (certificates.size() + 1)
          + " has no " + END + " line");
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(source + " holds no PEM certificate (no " + BEGIN + " line" + (text.contains(TRUSTED)
          ? "; a TRUSTED CERTIFICATE block from openssl -trustout is not read: export it with openssl x509)" : ")"));
    }
    return List.copyOf(certificates);
  }

  private static X509Certificate certificate(String base64, String source, int number) {
    String where = source + ": certificate " + number;
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is not valid base64 (" + e.getMessage() + ")");
    }
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      String reason = TlsFailures.withoutClassNames(e.getMessage() == null ? "" : e.getMessage());
      throw new IllegalArgumentException(where + " does not parse" + (reason.isEmpty() ? "" : ": " + reason));
    }
  }

  /** {@code certificates} as PEM text, one block each, lines of 64 characters; empty for none. */
  static String text(List<X509Certificate> certificates) {
    StringBuilder text = new StringBuilder();
    Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
    for (X509Certificate certificate : certificates) {
      try {
        text.append(BEGIN).append('\n').append(encoder.encodeToString(certificate.getEncoded())).append('\n')
            .append(END).append('\n');
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("a certificate cannot be encoded: " + e.getMessage(), e);
      }
    }
    return text.toString();
  }
}
