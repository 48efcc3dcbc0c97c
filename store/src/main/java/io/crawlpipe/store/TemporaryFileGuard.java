package io.crawlpipe.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Where a writer of a temporary file creates it, so that whatever may end the process at once — a
 * stop signal outside the crawl, which halts the JVM and so skips every {@code finally} — can delete
 * it first: a temporary file never outlives a halted run. The writer {@link #create}s the file
 * through the guard and {@link #release}s it once it is renamed into place or deleted.
 * Implementations are thread-safe: the halt comes from another thread than the writer's.
 */
public interface TemporaryFileGuard {
  /** For a process nothing halts: creates the file and keeps no list. */
  TemporaryFileGuard NONE = new TemporaryFileGuard() {
    @Override
    public FileChannel create(Path file, Opener opener) throws IOException {
      return opener.open(file);
    }

    @Override
    public void release(Path file) { }
  };

  /**
   * Creates {@code file} with {@code opener} and lists it for deletion at a halt until {@link
   * #release}. Creating and listing are one step for the halt: it deletes a file created before it,
   * and a file is not created once it has begun.
   *
   * @throws IOException from {@code opener}, or when the process is being halted (nothing was created)
   */
  FileChannel create(Path file, Opener opener) throws IOException;

  /** {@code file} was renamed into place or deleted: a halt now leaves that path alone. */
  void release(Path file);

  /** Creates and opens a temporary file for writing. */
  @FunctionalInterface
  interface Opener {
    FileChannel open(Path file) throws IOException;
  }
}
