package io.crawlpipe.crawler.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Starts workers as {@code java <options> -cp <the parent's class path> io.crawlpipe.crawler.cli.Main worker},
 * with the parent's own java binary, so they run the same code whether the parent came from the
 * shaded jar or a test class path. Immutable; the command is fixed at construction.
 */
final class JvmWorkerLauncher implements WorkerLauncher {
  static final String MAIN_CLASS = "io.crawlpipe.crawler.cli.Main";
  private final List<String> command;

  JvmWorkerLauncher(ProcessPoolSettings settings) {
    this.command = command(javaBinary(), System.getProperty("java.class.path"), settings,
        LoggerFactory.getLogger("io.crawlpipe").isDebugEnabled());
  }

  @Override
  public Process launch(int workerId) throws IOException {
    return new ProcessBuilder(command).start();
  }

  /**
   * The worker command line. Besides the heap and the settings' options, a worker exits at once on
   * OutOfMemoryError (so the parent re-dispatches its URLs instead of waiting on a sick JVM), prints
   * JVM messages to stderr (stdout carries only protocol lines) and logs with a pattern the parent
   * parses when it forwards the lines.
   */
  static List<String> command(String java, String classPath, ProcessPoolSettings settings, boolean verbose) {
    List<String> command = new ArrayList<>();
    command.add(java);
    long heap = settings.workerHeap();
    command.add(heap % (1 << 20) == 0 ? "-Xmx" + (heap >> 20) + "m" : "-Xmx" + (heap >> 10) + "k");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+DisplayVMOutputToStderr");
    command.add("-Dlogback.configurationFile=" + StderrForwarder.WORKER_LOG_CONFIG);
    command.addAll(settings.jvmOptions());
    command.addAll(List.of("-cp", classPath, MAIN_CLASS, "worker"));
    if (verbose) command.add("-v");
    return List.copyOf(command);
  }

  /** The running JVM's java binary, else {@code java.home}/bin/java. */
  static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
