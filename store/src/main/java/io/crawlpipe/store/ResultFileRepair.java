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
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes a results file left by an earlier (possibly killed) run fit to be continued, under the
 * rules of {@link ResultFileScanner}: its final lines are kept, so the lines appended next never
 * duplicate a URL and never follow a half line; a cut last line is dropped, with a warning; a file
 * with a line that is not a result before its last one, or with no result line, is refused
 * ({@link ResultFileException}) and left as it is. Reads with jackson-core alone, so a run without
 * {@code --resume} pays nothing for it. Not for files another process is writing (hold the lock).
 * Stateless; thread-safe.
 */
public final class ResultFileRepair {
  private final TemporaryFileGuard guard;
  private final Creation temporary;

  /** For a process nothing halts while it rewrites ({@link TemporaryFileGuard#NONE}). */
  public ResultFileRepair() {
    this(TemporaryFileGuard.NONE);
  }

  /**
   * Creates the temporary file of a rewrite through {@code guard}, so that a halt deletes it first.
   * It is created anew, never through a symbolic link at its name, with the permissions, owner and
   * group of the file it is made from (see {@link FreshFiles#create}).
   */
  public ResultFileRepair(TemporaryFileGuard guard) {
    this(guard, FreshFiles::create);
  }

  /** As above, creating the temporary file with {@code temporary}; tests replace it to make writes fail. */
  ResultFileRepair(TemporaryFileGuard guard, Creation temporary) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.temporary = Objects.requireNonNull(temporary, "temporary");
  }

  /** The temporary file {@link #prepare} writes beside {@code dest} when it must rewrite it. */
  public static Path temporaryFile(Path dest) {
    return dest.resolveSibling(dest.getFileName() + ".resume");
  }

  /**
   * Leaves in {@code dest} exactly the final lines of {@code source} (see {@link
   * ResultFileScanner}) and calls {@code finalUrl} for each, in one pass over {@code source}.
   * {@code source} may be {@code dest} itself: a file with nothing to drop is left alone, a cut
   * last line is truncated away (a complete last line without its newline gets one), and a file
   * with cancelled lines is rewritten through {@link #temporaryFile} renamed onto {@code dest}.
   * Otherwise {@code source} is not changed. Dropped bytes are passed to {@code warn} as one line.
   *
   * @throws ResultFileException when {@code source} cannot be continued; nothing was written
   * @throws StoreException when the temporary file or {@code dest} cannot be written; the
   *     temporary file is removed and {@code source} and {@code dest} are as they were
   * @throws IOException when {@code source} cannot be read
   */
  public ResultFileScanner.Scan prepare(Path source, Path dest, Consumer<String> finalUrl, Consumer<String> warn)
      throws IOException {
    boolean inPlace = Files.exists(dest) && Files.isSameFile(source, dest);
    Rewrite rewrite = new Rewrite(source, temporaryFile(dest), inPlace, finalUrl);
    ResultFileScanner.Scan scan;
    try {
      scan = new ResultFileScanner().scan(source, rewrite);
      if (scan.droppedBytes() > 0) warn.accept(ResultFileEnd.dropped(source, scan.droppedBytes()));
      if (rewrite.out == null && inPlace) {
        if (scan.droppedBytes() > 0) ResultFileEnd.truncate(dest, scan.validBytes());
        else if (scan.newlineMissing()) ResultFileEnd.appendNewline(dest);
        return scan;
      }
      rewrite.finish(scan);
    } catch (IOException | RuntimeException e) {
      rewrite.discard(e);
      throw e;
    }
    try {
      move(rewrite.tmp, dest);
    } finally {
      guard.release(rewrite.tmp);
    }
    return scan;
  }

  /**
   * For {@code --append}: checks and repairs the end of {@code file} ({@link ResultFileEnd#prepare}).
   *
   * @throws ResultFileException when the end of the file is not a result line; nothing was changed
   * @throws IOException when the file cannot be read or written
   */
  public void prepareAppend(Path file, Consumer<String> warn) throws IOException {
    ResultFileEnd.prepare(file, warn);
  }

  /** Writes the final lines to the temporary file, once the first cancelled line shows it is needed. */
  private final class Rewrite implements ResultFileScanner.LineVisitor {
    final Path source;
    final Path tmp;
    final boolean inPlace;
    final Consumer<String> finalUrl;
    FileChannel channel;
    OutputStream out;
    /** Whether the last line written lacks its newline (a complete last line another tool wrote). */
    boolean unended;

    Rewrite(Path source, Path tmp, boolean inPlace, Consumer<String> finalUrl) {
      this.source = source;
      this.tmp = tmp;
      this.inPlace = inPlace;
      this.finalUrl = Objects.requireNonNull(finalUrl, "finalUrl");
    }

    @Override
    public void line(byte[] buf, int off, int len, long offset, ResultLineReader line) throws IOException {
      if (line.cancelled()) {
        if (out == null) open(offset);
        return;
      }
      finalUrl.accept(line.url());
      if (out == null) return;
      write(() -> out.write(buf, off, len));
      unended = buf[off + len - 1] != '\n';
    }

    /** Starts the temporary file with the {@code prefix} bytes of the source before the first cancelled line. */
    private void open(long prefix) throws IOException {
      write(() -> {
        channel = guard.create(tmp, file -> temporary.create(file, source));
        out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
          for (long at = 0; at < prefix; ) at += in.transferTo(at, prefix - at, channel);
        }
      });
    }

    /** Completes the temporary file: all the final lines, each with its newline, on disk. */
    void finish(ResultFileScanner.Scan scan) throws IOException {
      if (out == null) {
        open(scan.validBytes());
        unended = scan.newlineMissing();
      }
      write(() -> {
        if (unended) out.write('\n');
        out.flush();
        channel.force(true);
        channel.close();
      });
    }

    /** Closes and deletes the temporary file after {@code failure}, if it was started. */
    void discard(Exception failure) {
      if (channel == null) return;
      try (FileChannel ignored = channel) {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        if (e != failure) failure.addSuppressed(e); // never itself (Self-suppression not permitted)
      } finally {
        guard.release(tmp);
      }
    }

    private void write(IoStep step) {
      try {
        step.run();
      } catch (IOException e) {
        throw new StoreException("cannot write '" + tmp + "': " + FileProblems.describe(e) + "; '" + source + "' is unchanged", e);
      }
    }
  }

  /** Creates and opens the temporary file {@code tmp} for writing the lines of {@code source}. */
  @FunctionalInterface
  interface Creation {
    FileChannel create(Path tmp, Path source) throws IOException;
  }

  private interface IoStep {
    void run() throws IOException;
  }

  /** Renames {@code tmp} onto {@code dest}, with the exact permissions of {@code dest} if it exists. */
  private static void move(Path tmp, Path dest) {
    try {
      FreshFiles.matchPermissions(tmp, dest);
      Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        if (suppressed != e) e.addSuppressed(suppressed); // never itself (Self-suppression not permitted)
      }
      throw new StoreException("cannot move '" + tmp + "' onto '" + dest + "': " + FileProblems.describe(e), e);
    }
  }
}
