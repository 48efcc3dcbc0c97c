package io.crawlpipe.crawler.cli;

import static io.crawlpipe.crawler.cli.BoundOptions.add;
import static io.crawlpipe.crawler.cli.BoundOptions.option;

import io.crawlpipe.crawler.fetch.TlsTrust;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options for which servers' certificates a crawl trusts: {@code --ca-cert FILE}, repeatable,
 * whose PEM certificates are added to the JDK's default trust anchors, and {@code -k}, {@code
 * --insecure}, which trusts every server unchecked (its {@code --ca-cert} files are still read, so
 * that a bad one is refused as without it, then ignored). Declared to {@link
 * CrawlCommand}'s picocli spec by {@link #declare}; {@link #trust()} reads the files, once, at the
 * start of the run, and {@link #trustStoreProblem} checks that the TLS context can be built. Used
 * once, by one thread.
 */
final class TlsOptions {
  /** Far more than any CA bundle (the Mozilla one is about 200 KiB): a larger file is no PEM bundle. */
  private static final int MAX_BYTES = 16 << 20;
  /** The {@code --ca-cert} files in the order given; never null. */
  List<Path> caCerts = List.of();
  /** {@code --insecure}: no server's certificate or host name is checked. */
  boolean insecure;

  /** Adds these options to {@code spec}, bound to this object's fields. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void declare(CommandSpec spec) {
    add(spec, option(List.class, () -> caCerts, v -> caCerts = v, "--ca-cert").auxiliaryTypes(Path.class)
        .converters(TlsOptions::caCertPath).paramLabel("FILE")
        .description("Also trust the CA certificate(s) in this PEM file (a corporate proxy's, an internal CA's),"
            + " besides the JDK's own; repeatable."));
    add(spec, option(boolean.class, () -> insecure, v -> insecure = v, "-k", "--insecure").arity("0")
        .description("Do not check server certificates or host names (accept self-signed, expired, another"
            + " host's), as curl -k: for a staging server, never for production crawls; --ca-cert is then ignored."));
  }

  /**
   * {@code value} as a path ({@link PathArguments.Converter}), refusing a name ending in {@code /}
   * that is an existing file, not a directory: {@code Path.of} drops the slash, so {@code ca.pem/}
   * would read {@code ca.pem}, which the URL list refuses too.
   */
  private static Path caCertPath(String value) {
    Path path = new PathArguments.Converter().convert(value);
    if (value.endsWith("/") && Files.exists(path) && !Files.isDirectory(path)) {
      throw new TypeConversionException("cannot read '" + value + "': not a directory");
    }
    return path;
  }

  /**
   * The JDK's default trust anchors plus every {@code --ca-cert} file's certificates; {@link
   * TlsTrust#INSECURE} with {@code --insecure}, once the files were read.
   *
   * @throws OptionChecks.BadOption naming the file and its problem: unreadable, no certificate in
   *     it, or one that does not parse
   */
  TlsTrust trust() {
    TlsTrust trust = TlsTrust.JDK_DEFAULT;
    for (Path file : caCerts) {
      try {
        trust = trust.adding(read(file), "'" + file + "'");
      } catch (IllegalArgumentException e) {
        throw new OptionChecks.BadOption("--ca-cert", e.getMessage());
      }
    }
    return insecure ? TlsTrust.INSECURE : trust;
  }

  private static String read(Path file) {
    if (file.toString().isEmpty()) throw new IllegalArgumentException("'' is no file name; give a PEM file");
    if (Files.isDirectory(file)) throw new IllegalArgumentException("'" + file + "' is a directory, not a PEM file");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException("'" + file + "' is larger than " + (MAX_BYTES >> 20) + " MiB, which no PEM file is");
      }
      return new String(bytes, StandardCharsets.ISO_8859_1); // PEM is ASCII; a comment's other bytes are ignored
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read '" + file + "': " + IoProblems.describe(e, file));
    }
  }

  /**
   * Null when the TLS context(s) for {@code trust} can be built, else the line saying why not (a
   * trust store the JVM's {@code javax.net.ssl.trustStore} names that is no key store, or whose
   * password is wrong). Checked only when {@code mayNeedTls}: the check reads and parses the trust
   * store, about 0.1 s of CPU that a run of {@code http} URLs need not pay. Never checked for an
   * {@linkplain TlsTrust#insecure insecure} trust, which loads no trust store.
   */
  static String trustStoreProblem(TlsTrust trust, boolean mayNeedTls) {
    if (trust.insecure() || !mayNeedTls && trust.isJdkDefault()) return null;
    try {
      trust.check();
      return null;
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }
}
