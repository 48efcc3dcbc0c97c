package io.crawlpipe.crawler.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code @FILE} arguments picocli replaces with the arguments FILE holds ({@code ./crawl
 * @proxy.args urls.txt}, to keep a proxy password out of {@code ps}). picocli takes one whose FILE
 * it cannot read as a plain argument, so a typo there surfaced as an unrelated error ({@code
 * unexpected argument 'urls.txt'}) or a value starting with {@code @}; {@link #problem} finds it
 * first. {@code @@...} stands for an argument starting with {@code @} and names no file. Checks
 * the command line's own arguments, not those inside an argument file. Stateless.
 */
final class ArgumentFiles {
  private ArgumentFiles() {}

  /**
   * The line (after {@code crawl: }) for the first {@code @FILE} of {@code args} that cannot be
   * read, or null when there is none. Tells by the file's metadata only: a named pipe is not opened.
   */
  static String problem(String[] args) {
    for (String arg : args) {
      if (arg.length() < 2 || arg.charAt(0) != '@' || arg.charAt(1) == '@') continue;
      String why = unreadable(arg.substring(1));
      if (why != null) {
        return "cannot read argument file '" + arg.substring(1) + "': " + why
            + " (@FILE reads arguments from FILE; write @@ for an argument that starts with @)" + literalFile(arg);
      }
    }
    return null;
  }

  /** A hint when a file is named {@code arg} itself, {@code @} included: "" otherwise. */
  private static String literalFile(String arg) {
    try {
      return Files.exists(Path.of(arg)) ? "; to pass the file '" + arg + "' itself, write ./" + arg : "";
    } catch (InvalidPathException e) {
      return "";
    }
  }

  private static String unreadable(String name) {
    Path file;
    try {
      file = PathArguments.of(name);
    } catch (InvalidPathException e) {
      return e.getReason();
    }
    if (!Files.exists(file)) return "no such file or directory";
    if (Files.isDirectory(file)) return "is a directory";
    return Files.isReadable(file) ? null : "permission denied";
  }
}
