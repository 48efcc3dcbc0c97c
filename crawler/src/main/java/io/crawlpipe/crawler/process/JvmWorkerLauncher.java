package io.crawlpipe.crawler.process;

import io.crawlpipe.crawler.fetch.ProxyProperties;
import io.crawlpipe.crawler.fetch.TrustStoreProperties;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLogger;

/**
 * Starts workers as {@code java <options> -cp <the parent's class path> io.crawlpipe.crawler.cli.Main worker},
 * with the parent's own java binary, so they run the same code whether the parent came from the
 * shaded jar or a test class path. Immutable; the command is fixed at construction.
 */
final class JvmWorkerLauncher implements WorkerLauncher {
  static final String MAIN_CLASS = "io.crawlpipe.crawler.cli.Main";
  private static final String NO_REPLAY = "-XX:-AOTReplayTraining";
  /**
   * Passed on to workers when the parent has it: the {@code crawl} launcher gives it only where the
   * kernel leaves huge pages to programs (or {@code CRAWLPIPE_JAVA_OPTS} asked for it).
   */
  static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
  /** After {@code -Xlog:all=warning:stderr}: no log lines about an AOT cache the JVM cannot map. */
  static final String QUIET_AOT = "-Xlog:aot=off:stderr";
  private final List<String> command;

  JvmWorkerLauncher(ProcessPoolSettings settings) {
    List<String> options = new ArrayList<>(settings.jvmOptions());
    List<String> parentArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    options.addAll(aotOptions(parentArguments));
    options.addAll(hugePageOptions(parentArguments));
    options.addAll(ProxyProperties.asOptions(System.getProperties())); // so that --client okhttp workers use the proxy too
    options.addAll(TrustStoreProperties.asOptions(System.getProperties())); // the trust store the parent checked
    List<String> arguments = new ArrayList<>();
    if (debugLogging(LoggerFactory.getLogger("io.crawlpipe"))) arguments.add("-v");
    if (!settings.warmTls()) arguments.add(Worker.NO_TLS_WARM_UP);
    this.command = command(javaBinary(), System.getProperty("java.class.path"), options, settings.workerHeap(), arguments);
  }

  @Override
  public Process launch(int workerId) throws IOException {
    return new ProcessBuilder(command).start();
  }

  /**
   * True when {@code logger} logs at DEBUG. A logger SLF4J hands out while another thread is still
   * initialising it (a {@link SubstituteLogger} without its delegate) says yes to every level: it
   * counts as no, so that two crawls started at once by an embedding program do not make verbose workers.
   */
  static boolean debugLogging(Logger logger) {
    if (logger instanceof SubstituteLogger substitute && substitute.isDelegateNull()) return false;
    return logger.isDebugEnabled();
  }

  /** {@code heap} bytes as {@code -Xmx} and {@code --worker-heap} take it: {@code 128m}, or {@code 1536k}. */
  static String heapSize(long heap) {
    return heap % (1 << 20) == 0 ? (heap >> 20) + "m" : (heap >> 10) + "k";
  }

  /**
   * The worker command line: {@code worker} and its {@code arguments}. Besides the heap and {@code
   * options}, a worker exits at once on
   * OutOfMemoryError (so the parent re-dispatches its URLs instead of waiting on a sick JVM), ends
   * without the JVM's up-to-300 ms wait for threads blocked in native calls, prints
   * JVM messages and JVM log warnings to stderr (stdout carries only protocol lines) and logs with a
   * pattern the parent parses when it forwards the lines.
   */
  static List<String> command(String java, String classPath, List<String> options, long heap, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx" + heapSize(heap));
    command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr",
        "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:UserThreadWaitAttemptsAtExit=0"));
    command.add("-Dlogback.configurationFile=" + StderrForwarder.WORKER_LOG_CONFIG);
    command.addAll(options);
    command.addAll(List.of("-cp", classPath, MAIN_CLASS, "worker"));
    command.addAll(arguments);
    return List.copyOf(command);
  }

  /**
   * The AOT cache options among {@code parentArguments} (this JVM's, when the {@code crawl}
   * launcher made a cache from the same jar): the last {@code -XX:AOTCache=}, and, if the parent
   * turned the replay of the cache's training compilations off, the same for the workers. Workers
   * load the same classes and start about a third faster with the cache; a worker JVM that cannot
   * map it (a rebuild removed it while the crawl ran) runs without it and, like the launcher's
   * JVM, does not log about it. Empty when the parent has no cache.
   */
  static List<String> aotOptions(List<String> parentArguments) {
    Optional<String> cache = parentArguments.stream().filter(a -> a.startsWith("-XX:AOTCache=")).reduce((a, b) -> b);
    if (cache.isEmpty()) return List.of();
    List<String> options = new ArrayList<>(List.of(cache.get(), QUIET_AOT));
    if (parentArguments.contains(NO_REPLAY)) options.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", NO_REPLAY));
    return List.copyOf(options);
  }

  /**
   * {@link #HUGE_PAGES} if the parent was started with it and without a later {@code
   * -XX:-UseTransparentHugePages}: workers read page bodies into their heap as the parent does,
   * and a page fault per 4 KB of fresh heap costs them as much. Empty otherwise.
   */
  static List<String> hugePageOptions(List<String> parentArguments) {
    boolean on = parentArguments.stream().filter(a -> a.endsWith("UseTransparentHugePages"))
        .reduce((a, b) -> b).map(HUGE_PAGES::equals).orElse(false);
    return on ? List.of(HUGE_PAGES) : List.of();
  }

  /** The running JVM's java binary, else {@code java.home}/bin/java. */
  static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
