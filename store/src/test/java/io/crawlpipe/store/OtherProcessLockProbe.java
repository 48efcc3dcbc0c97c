package io.crawlpipe.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Whether another process could take the OS lock on a file now: run in a JVM of its own, it tries
 * the lock ({@link FileChannel#tryLock()}) and exits 0 when it got it, 3 when the file is held.
 */
final class OtherProcessLockProbe {
  static final int HELD = 3;

  private OtherProcessLockProbe() {}

  /** True when a process other than this one would be refused the lock on {@code file}. */
  static boolean heldForOtherProcesses(Path file) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        OtherProcessLockProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
    if (!probe.waitFor(60, TimeUnit.SECONDS)) {
      probe.destroyForcibly();
      throw new AssertionError("the lock probe did not end within 60 s");
    }
    int exit = probe.exitValue();
    if (exit != 0 && exit != HELD) {
      throw new AssertionError("the lock probe failed (exit " + exit + "): " + new String(probe.getInputStream().readAllBytes()));
    }
    return exit == HELD;
  }

  public static void main(String[] args) throws IOException {
    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      System.exit(lock == null ? HELD : 0);
    }
  }
}
