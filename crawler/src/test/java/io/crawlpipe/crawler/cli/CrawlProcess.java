package io.crawlpipe.crawler.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code crawl} in a child JVM on the test classpath, so that real signals reach it: {@link
 * Process#destroy()} sends SIGTERM, {@link Process#destroyForcibly()} SIGKILL. Its stdout goes to a
 * file; its stderr is read line by line, so a test can wait for a message instead of sleeping.
 */
final class CrawlProcess {
  private final Process process;
  private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
  private final List<String> stderr = new ArrayList<>();
  private final CountDownLatch eof = new CountDownLatch(1);

  private CrawlProcess(Process process) {
    this.process = process;
    Thread.ofPlatform().daemon().name("child-stderr").start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) unread.add(line);
      } catch (IOException e) {
        unread.add("(stderr unreadable: " + e + ")");
      } finally {
        eof.countDown();
      }
    });
  }

  static CrawlProcess start(Path dir, String... args) throws IOException {
    return new CrawlProcess(new ProcessBuilder(command(args)).redirectOutput(dir.resolve("child-stdout.txt").toFile())
        .start());
  }

  /** As {@link #start}, with {@code dir} as the child's working directory, for relative paths in {@code args}. */
  static CrawlProcess startIn(Path dir, String... args) throws IOException {
    return new CrawlProcess(new ProcessBuilder(command(args)).directory(dir.toFile())
        .redirectOutput(dir.resolve("child-stdout.txt").toFile()).start());
  }

  /**
   * As {@link #startIn}, with no locale in the child's environment (no {@code LANG}, {@code LC_ALL}
   * or other {@code LC_*} variable), as under cron: on Linux its file-name encoding is then ASCII.
   */
  static CrawlProcess startInWithoutLocale(Path dir, String... args) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(args)).directory(dir.toFile())
        .redirectOutput(dir.resolve("child-stdout.txt").toFile());
    builder.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
    return new CrawlProcess(builder.start());
  }

  /** As {@link #start}, with {@code jvmOptions} (system properties) given to the child JVM. */
  static CrawlProcess startWithJvmOptions(Path dir, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>(command(args));
    command.addAll(1, jvmOptions);
    return new CrawlProcess(new ProcessBuilder(command).redirectOutput(dir.resolve("child-stdout.txt").toFile()).start());
  }

  /** The command line that runs {@code crawl} with {@code args} in a child JVM on the test classpath. */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  Process process() {
    return process;
  }

  /** Waits (at most 20 s) for a stderr line containing {@code text}; fails the test otherwise. */
  String awaitStderr(String text) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (long left; (left = end - System.nanoTime()) > 0; ) {
      String line = unread.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) break;
      stderr.add(line);
      if (line.contains(text)) return line;
    }
    throw new AssertionError("no stderr line containing '" + text + "'; got " + stderr);
  }

  /** Waits (at most 30 s) for the process to end and returns its exit code. */
  int exitCode() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      unread.drainTo(stderr);
      throw new AssertionError("crawl process did not end within 30 s; stderr so far: " + stderr);
    }
    return process.exitValue();
  }

  /** Everything the process wrote to stderr, once it has ended. */
  String stderr() throws InterruptedException {
    exitCode();
    if (!eof.await(10, TimeUnit.SECONDS)) throw new AssertionError("stderr of the crawl process did not close");
    unread.drainTo(stderr);
    return String.join("\n", stderr);
  }
}
