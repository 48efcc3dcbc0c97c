package io.crawlpipe.crawler.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crawl aot-train}: hidden; the launcher runs it once after each build under
 * {@code -XX:AOTCacheOutput}. It crawls a small synthetic site it serves itself on 127.0.0.1 in the
 * thread modes, so the JDK's AOT cache records the classes and method profiles of the real hot
 * path (fetch, parse, store) and later runs start warm. One {@code https} URL goes to a socket that
 * hangs up at once; its failed handshake loads the TLS set-up and handshake classes as well (a list
 * of {@code http} URLs alone never builds a TLS client). Offline; leaves no files behind, also when
 * stopped by a signal (a shutdown hook removes its directory; not after {@code SIGKILL}). Named
 * alone where a file {@code aot-train} is, by a JVM that records no AOT cache, it is taken for a
 * URL list named like it, and refused with how to crawl that ({@link #listMeant}).
 */
@Command(name = TrainCommand.NAME, hidden = true, description = "Internal: the launcher's AOT-cache training run.")
final class TrainCommand implements Callable<Integer> {
  static final String NAME = "aot-train";
  private static final int PAGES = 2_000;
  private final PrintStream stderr;

  @Option(names = "--work-dir", hidden = true,
      description = "Where the run's temporary directory goes (default: the system's temporary directory).")
  private Path workDir;

  // Its usage errors point at 'crawl aot-train --help': that must answer, though the command is hidden.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  private boolean help;

  TrainCommand(PrintStream stderr) {
    this.stderr = stderr;
  }

  @Override
  public Integer call() {
    if (listMeant()) {
      CrawlLine.print(stderr, "'aot-train' is the launcher's internal AOT training run" + SubcommandNames.listHint(NAME));
      return ExitCodes.USAGE;
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    HttpServer server = null;
    Path dir = null;
    Thread cleanUp = null;
    try (ServerSocket hangUp = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
      executor.execute(() -> hangUpOnEveryone(hangUp));
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
      server.setExecutor(executor);
      server.createContext("/", TrainCommand::serve);
      server.start();
      dir = createWorkDir();
      cleanUp = deletedAtShutdown(dir);
      Path urls = writeList(dir, "http://127.0.0.1:" + server.getAddress().getPort(),
          "https://127.0.0.1:" + hangUp.getLocalPort() + "/");
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      for (String mode : List.of("virtual", "threads")) {
        Path out = dir.resolve(mode + ".jsonl");
        // No environment variables: a proxy variable in the caller's environment must not change
        // (or break) the training crawl.
        int code = Main.run(new String[] {"-q", "--mode", mode, "--per-host", "64", "--concurrency", "64",
            "--out", out.toString(), urls.toString()}, new ByteArrayInputStream(new byte[0]), quiet, quiet,
            RunEnvironment.embedded().withoutVariables());
        // The list holds a 404, a failed handshake and an invalid line, so a sound crawl exits 1
        // with one line per URL.
        long lines = Files.exists(out) ? lineCount(out) : 0;
        if (code != ExitCodes.SOME_FAILED || lines != PAGES + 3) {
          CrawlLine.print(stderr, "aot-train: " + mode + " crawl exited " + code + " with " + lines + " lines");
          return ExitCodes.SOFTWARE;
        }
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      CrawlLine.print(stderr, "aot-train: " + e.getMessage());
      return ExitCodes.IO;
    } finally {
      if (server != null) server.stop(0);
      executor.shutdownNow();
      withdraw(cleanUp);
      deleteQuietly(dir);
    }
  }

  /**
   * Registers and returns a shutdown hook that deletes {@code dir}: a training stopped by SIGINT or
   * SIGTERM (the JVM's handling is kept for it, see {@link Main}) leaves nothing behind either. The
   * crawl may still be writing there (hooks run beside the application's threads), so a few passes
   * are made while the directory is still there.
   */
  private static Thread deletedAtShutdown(Path dir) {
    Thread hook = new Thread(() -> {
      for (int pass = 0; pass < 3 && Files.exists(dir); pass++) deleteQuietly(dir);
    }, "aot-train-clean-up");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** Removes {@code hook} (null: none), unless the JVM is shutting down already, when it runs anyway. */
  private static void withdraw(Thread hook) {
    if (hook == null) return;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook deletes the directory, as the finally block does too
    }
  }

  /**
   * Whether {@code crawl aot-train} was meant to crawl the file {@code aot-train}: named alone (the
   * launcher passes no option either), a file of that name is in the working directory, and this
   * JVM records no AOT cache, as the launcher's training JVM always does; so the launcher's
   * training is never refused, whatever directory it is run from.
   */
  private boolean listMeant() {
    if (workDir != null || !SubcommandNames.namesAFile(NAME)) return false;
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .noneMatch(arg -> arg.startsWith("-XX:AOTCacheOutput=") || arg.equals("-XX:AOTMode=record"));
  }

  /**
   * Makes the run's temporary directory in {@code --work-dir}, or the system's temporary directory.
   * A failure names that directory and the problem in one phrase ("cannot create a temporary
   * directory in '/x': permission denied"), not the JDK's bare name of the directory it tried.
   */
  private Path createWorkDir() throws IOException {
    Path parent = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
    try {
      return Files.createTempDirectory(parent, "crawlpipe-aot-");
    } catch (IOException e) {
      throw new IOException("cannot create a temporary directory in '" + parent + "': " + IoProblems.describe(e), e);
    }
  }

  private static long lineCount(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.count();
    }
  }

  private static Path writeList(Path dir, String base, String failingHttps) throws IOException {
    List<String> lines = new ArrayList<>(PAGES + 3);
    for (int i = 0; i < PAGES; i++) lines.add(base + "/page/" + i);
    lines.add(base + "/missing");
    lines.add(failingHttps);
    lines.add("not a url");
    return Files.write(dir.resolve("urls.txt"), lines);
  }

  private static void hangUpOnEveryone(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket ignored = server.accept()) {
        // closed at once: the client's handshake fails
      } catch (IOException e) {
        return; // the server socket was closed at the end of the run
      }
    }
  }

  private static void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith("/page/")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Page " + path.substring(6)
          + " &amp; more</title></head><body>" + "<p>Lorem ipsum dolor sit amet.</p>\n".repeat(200)
          + "</body></html>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temp directory left behind is harmless
    }
  }
}
