package io.crawlpipe.crawler.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * File names given on the command line as paths. The JVM decodes its arguments, and encodes the
 * names of the files it opens, in the file-name encoding ({@code sun.jnu.encoding}, taken from the
 * locale's {@code LC_CTYPE}; ASCII when no locale is set, as under cron). A byte that encoding cannot
 * decode (a UTF-8 {@code é} with no locale set, {@code \xff} in UTF-8) is read as U+FFFD: with ASCII
 * no path can hold it, and with UTF-8 it would be written back as the three bytes of U+FFFD, naming
 * another file than the one given (and two names that differ in such bytes, one file). So a name
 * holding U+FFFD is refused, never opened as something else. Stateless and thread-safe.
 */
final class PathArguments {
  private static final char REPLACEMENT = '\uFFFD';

  private PathArguments() {}

  /**
   * {@link Path#of} of {@code name} (not null), refusing a name that cannot be opened as given.
   *
   * @throws InvalidPathException whose {@link InvalidPathException#getReason reason} is one phrase:
   *     {@link #encodingReason()} for a name the file-name encoding could not read or cannot write,
   *     else the JDK's (a NUL character)
   */
  static Path of(String name) {
    if (name.indexOf(REPLACEMENT) >= 0) throw new InvalidPathException(name, encodingReason());
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      // the JDK's reason on Unix: "Malformed input or input contains unmappable characters"
      if (e.getReason().startsWith("Malformed input")) throw new InvalidPathException(name, encodingReason());
      throw e;
    }
  }

  /**
   * Why a name cannot be opened as given, naming this JVM's file-name encoding and, when that is
   * not UTF-8 (no locale set, {@code LC_ALL=C}), how to run with one.
   */
  static String encodingReason() {
    return encodingReason(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
  }

  /** {@link #encodingReason()} for the file-name encoding named {@code encoding}. */
  static String encodingReason(String encoding) {
    String reason = "the name is not valid in the file-name encoding (" + encoding + ") and cannot be opened as given";
    return isUtf8(encoding) ? reason : reason + "; run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
  }

  private static boolean isUtf8(String encoding) {
    try {
      return Charset.forName(encoding).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false; // a name the JDK does not know
    }
  }

  /** picocli's converter for a path option: a refused name is the option's error, in {@link #of}'s words. */
  static final class Converter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      try {
        return of(value);
      } catch (InvalidPathException e) {
        throw new TypeConversionException("'" + value + "' is not a valid path: " + e.getReason());
      }
    }
  }
}
