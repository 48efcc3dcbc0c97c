package io.crawlpipe.crawler.cli;

import io.crawlpipe.store.TemporaryFileGuard;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The temporary files a run is writing ({@code --resume}'s rewrite), listed from their creation
 * until they are released, so that a stop which ends the process at once ({@link RunStops}) can
 * delete them first ({@link #deleteAll}). Creating, releasing and deleting hold this object's lock,
 * so such a stop comes wholly before or after a creation, and nothing is created after it.
 * Thread-safe.
 */
final class TemporaryFiles implements TemporaryFileGuard {
  private final Set<Path> temporary = new LinkedHashSet<>();
  /** Set by {@link #deleteAll}: the process is ending, and no temporary file is created after. */
  private boolean halting;

  /**
   * Creates {@code file} and lists it until {@link #release}.
   *
   * @throws IOException from {@code opener}, or once {@link #deleteAll} was called (nothing is created)
   */
  @Override
  public synchronized FileChannel create(Path file, Opener opener) throws IOException {
    if (halting) throw new IOException("the run is being stopped");
    FileChannel channel = opener.open(file);
    temporary.add(file);
    return channel;
  }

  @Override
  public synchronized void release(Path file) {
    temporary.remove(file);
  }

  /**
   * The process ends next: deletes the listed files, as far as it can (a later run on the output
   * removes what stays, with a warning), and refuses every later {@link #create}.
   */
  synchronized void deleteAll() {
    halting = true;
    for (Path file : temporary) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // The stop goes on; the next run on this output removes the file with a warning.
      }
    }
    temporary.clear();
  }
}
