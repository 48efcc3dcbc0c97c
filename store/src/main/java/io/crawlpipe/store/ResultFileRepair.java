package io.crawlpipe.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Makes a results file left by an earlier (possibly killed) run fit to be continued: only its final
 * lines are kept, so the lines appended next never duplicate a URL and never follow a half line.
 * Stateless, and cheap to create: the JSON parser is set up only when a file is scanned (setting up
 * jackson-databind costs a fresh JVM ~30 ms, which a run without {@code --resume} need not pay). Not
 * for files another process is writing (hold the lock).
 */
public final class ResultFileRepair {

  /**
   * Leaves in {@code dest} exactly the final lines of {@code source}'s valid part (see {@link
   * ResultFileScanner}) and calls {@code finalUrl} for each. {@code source} may be {@code dest}
   * itself: a file with nothing to drop is left alone, a cut last line is truncated away, and a file
   * with cancelled lines is rewritten through a temporary file renamed onto {@code dest}. Otherwise
   * {@code source} is not changed.
   *
   * @throws IOException when a file cannot be read or written
   */
  public ResultFileScanner.Scan prepare(Path source, Path dest, Consumer<String> finalUrl) throws IOException {
    ResultFileScanner scanner = new ResultFileScanner();
    ResultFileScanner.Scan scan = scanner.scan(source, finalUrl);
    boolean inPlace = Files.exists(dest) && Files.isSameFile(source, dest);
    if (inPlace && !scan.needsRepair()) return scan;
    if (inPlace && scan.cancelledLines() == 0) {
      truncate(dest, scan.validBytes());
      return scan;
    }
    Path tmp = dest.resolveSibling(dest.getFileName() + ".resume");
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
      scanner.copyFinalLines(source, out);
      out.flush();
      channel.force(true);
    }
    Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return scan;
  }

  /**
   * Truncates a cut last line (bytes after the last newline) so that appending starts on a fresh
   * line; does nothing to a missing or empty file or one that ends with a newline.
   */
  public void dropCutLine(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) return;
    long whole = ResultFileScanner.wholeLinesLength(file);
    if (whole < Files.size(file)) truncate(file, whole);
  }

  private static void truncate(Path file, long length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
      channel.force(true);
    }
  }
}
