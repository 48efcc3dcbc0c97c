package io.crawlpipe.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The text of a lock file: the owner's PID on the first line and, on a second, what it is writing
 * (absent when it did not say; older runs wrote the PID only). Stateless; the channels are the
 * caller's.
 */
final class LockFileText {
  private LockFileText() {}

  /** The text this process writes into a lock file it takes, {@code holding} being "" for nothing. */
  static byte[] of(String holding) {
    String text = ProcessHandle.current().pid() + "\n" + (holding.isEmpty() ? "" : holding + "\n");
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Replaces the lock file's text with {@code text}, on disk. */
  static void write(FileChannel channel, byte[] text) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text), 0);
    channel.force(false);
  }

  /** The refusal of {@code file}, with the PID and what the holder writes as the text read from {@code channel} says. */
  static LockHeldException held(Path file, FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    int n = channel.read(buffer, 0);
    String[] lines = n <= 0 ? new String[0] : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).split("\n", -1);
    String pid = lines.length > 0 && lines[0].strip().matches("\\d+") ? lines[0].strip() : null;
    // The second line counts only when whole: a path cut at the buffer's end would name the wrong file.
    String holding = lines.length > 2 && !lines[1].isEmpty() ? lines[1] : null;
    return new LockHeldException(file, pid, holding);
  }

  /** The failed write of the lock file's text as an exception that names the file (a full disk's has no name). */
  static FileSystemException unwritable(Path file, IOException e) {
    if (e instanceof FileSystemException f && file.toString().equals(f.getFile())) return f;
    FileSystemException named = new FileSystemException(file.toString(), null, FileProblems.describe(e));
    named.initCause(e);
    return named;
  }
}
