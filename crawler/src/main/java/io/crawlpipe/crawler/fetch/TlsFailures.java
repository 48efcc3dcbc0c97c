package io.crawlpipe.crawler.fetch;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A TLS failure in plain words on one line, alike for both clients: the JDK's and OkHttp's own
 * messages name internal classes ({@code sun.security.provider.certpath.SunCertPathBuilderException})
 * or run over several lines (OkHttp's certificate pins). The common cases get a fixed sentence;
 * any other gets the first line of its message without class names. Stateless.
 */
final class TlsFailures {
  /** A Java class name followed by a colon, as exception messages quote their causes. */
  private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:\\s*");
  /** The JDK's alert prefix, {@code (certificate_unknown) }. */
  private static final Pattern ALERT_PREFIX = Pattern.compile("^\\([a-z_]+\\)\\s*");
  private static final String RECEIVED_ALERT = "Received fatal alert: ";

  private TlsFailures() {}

  /** {@code e}, a TLS failure with {@code host}, in plain words on one line. */
  static String describe(Throwable e, String host) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("certificate ")) return TransferFailures.firstLine(message); // crawlpipe's own words
    if (e instanceof SSLPeerUnverifiedException && message.startsWith("Hostname ") || isNameMismatch(e)) {
      return "certificate does not match host " + host;
    }
    if (has(e, CertificateExpiredException.class) || reason(e) == CertPathValidatorException.BasicReason.EXPIRED) {
      return "certificate expired";
    }
    if (has(e, CertificateNotYetValidException.class)
        || reason(e) == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
      return "certificate not yet valid";
    }
    if (has(e, CertPathBuilderException.class) || message.contains("unable to find valid certification path")) {
      return "certificate not trusted (self-signed or unknown issuer)";
    }
    if (message.startsWith("Unsupported or unrecognized SSL message")) {
      return "the server did not answer in TLS (plain HTTP on an https port?)";
    }
    if (message.contains("Handshake.msg_type") || message.startsWith("Unknown handshake type")) {
      return "the server's answer is not TLS";
    }
    String plain = ALERT_PREFIX.matcher(CLASS_NAME.matcher(TransferFailures.firstLine(message)).replaceAll("")).replaceFirst("");
    if (plain.startsWith(RECEIVED_ALERT)) return "handshake failed: " + plain.substring(RECEIVED_ALERT.length());
    return plain.isEmpty() ? "TLS failed (" + e.getClass().getSimpleName() + ")" : plain;
  }

  /** {@code message}'s first line without the Java class names it quotes its causes by. */
  static String withoutClassNames(String message) {
    return CLASS_NAME.matcher(TransferFailures.firstLine(message)).replaceAll("").strip();
  }

  /** The JDK's endpoint identification failed: its CertificateException says "No ... matching ... found". */
  private static boolean isNameMismatch(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException && t.getMessage() != null && t.getMessage().startsWith("No ")
          && t.getMessage().contains("matching")) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) return true;
    }
    return false;
  }

  private static CertPathValidatorException.Reason reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException v) return v.getReason();
    }
    return null;
  }
}
