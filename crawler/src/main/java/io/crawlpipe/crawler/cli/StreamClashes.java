package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Refuses a run whose results would share a file with a standard stream through a second open
 * file description, which has its own offset, so the two write over each other ({@code ./crawl
 * --out - --log f > f}) or a rename replaces the file under the stream. Two rules, where {@link
 * StreamFiles} can tell the file a stream is open on (Linux):
 * <ol>
 *   <li>The results go to a standard stream ({@code --out -}, {@code /dev/stdout}, ...): {@code
 *       --lock}, {@code --log} and {@code --stats} must not be reopened on that stream's file.
 *   <li>The results go to a file: no standard stream the run writes may be open on it. Standard
 *       error always is (summary, warnings); standard output when {@code --log} or {@code --stats}
 *       names it.
 * </ol>
 * Two standard streams on one file ({@code > f 2>&1}) are no clash: each is written through the
 * JVM's own stream, whole lines at the shared offset. Nor is {@code /dev/null}, nor a log or stats
 * file that only standard error goes to as well (the results are not at stake; docs/CLI.md says why it
 * is still a bad idea). And no stream the run writes may be open on its URL list ({@link
 * #checkList}), and none of the outputs may be standard input ({@link #checkNotStdin}). Stateless.
 */
final class StreamClashes {
  private static final Path STDIN = Path.of("/dev/fd", "0");

  private StreamClashes() {}

  /**
   * Refuses standard input ({@code /dev/stdin}, {@code /dev/fd/0}, {@code /proc/self/fd/0}, a link
   * to one) as {@code --out}, {@code --lock}, {@code --log} or {@code --stats}: redirected from the
   * URL list ({@code < urls.txt}), it would be written into the list as the list is read.
   *
   * @throws IllegalArgumentException with a one-line message naming the option
   */
  static void checkNotStdin(RunNames names) {
    String[] options = {"--out", "--lock", "--log", "--stats"};
    String[] what = {"results", "a lock", "the log", "the stats"};
    Path[] paths = {names.out(), names.lock(), names.log(), names.stats()};
    for (int i = 0; i < paths.length; i++) {
      if (paths[i] != null && OutputTargets.identity(paths[i]).equals(STDIN)) {
        throw new IllegalArgumentException(options[i] + " '" + paths[i] + "' is standard input, which is no place for "
            + what[i] + "; give a file");
      }
    }
  }

  /**
   * Checks {@code names}, whose checks of names against each other have passed.
   *
   * @throws IllegalArgumentException with a one-line message naming the option and the stream
   */
  static void check(RunNames names, StreamFiles files) {
    StandardStream results = names.out() == null ? StandardStream.STDOUT : StandardStream.of(names.out());
    if (results != null) {
      String writer = names.out() == null ? "--out -" : "--out '" + names.out() + "'";
      Path file = files.fileOf(results);
      refuseIfOn(file, "--lock", names.lock(), results, writer + " writes the results");
      refuseIfOn(file, "--log", names.log(), results, writer + " writes the results");
      refuseIfOn(file, "--stats", names.stats(), results, writer + " writes the results");
      return;
    }
    refuseIfOn(files.fileOf(StandardStream.STDERR), "--out", names.out(), StandardStream.STDERR,
        "the summary and warnings go");
    if (StandardStream.of(names.log()) == StandardStream.STDOUT) {
      refuseIfOn(files.fileOf(StandardStream.STDOUT), "--out", names.out(), StandardStream.STDOUT,
          "--log '" + names.log() + "' writes");
    } else if (StandardStream.of(names.stats()) == StandardStream.STDOUT) {
      refuseIfOn(files.fileOf(StandardStream.STDOUT), "--out", names.out(), StandardStream.STDOUT,
          "--stats '" + names.stats() + "' writes");
    }
  }

  /**
   * Refuses a URL list that a standard stream the run writes is open on ({@code ./crawl --out - urls.txt
   * >> urls.txt}, {@code 2>> urls.txt}): the results, the summary or the log would be written into
   * the list, and a list that grows as it is read never ends. Standard error is always written;
   * standard output when the results, the log or the stats go there. {@code urlFile} is a path, or
   * {@code -} for standard input, which counts when it is redirected from a file ({@code <
   * urls.txt}); only a regular file is compared, so a terminal that is both stdin and stdout is none.
   *
   * @throws IllegalArgumentException with a one-line message naming the list and the stream
   */
  static void checkList(RunNames names, String urlFile, StreamFiles files) {
    Path list;
    try {
      list = Path.of("-".equals(urlFile) ? "/dev/stdin" : urlFile);
    } catch (InvalidPathException e) {
      return; // no file is read by that name (UrlList says so)
    }
    if (!Files.isRegularFile(list)) return;
    String what = "-".equals(urlFile) ? "the URL list '-' (standard input)" : "the URL file '" + urlFile + "'";
    for (StandardStream stream : StandardStream.values()) {
      String writer = writerOn(names, stream);
      Path file = files.fileOf(stream);
      if (writer != null && file != null && isSameFile(file, list)) {
        throw new IllegalArgumentException(what + " is the file " + stream.description() + " is open on, where "
            + writer + "; refusing to write into the list");
      }
    }
  }

  /** What the run writes on {@code stream}, or null when it writes nothing there. */
  private static String writerOn(RunNames names, StandardStream stream) {
    if (names.out() == null ? stream == StandardStream.STDOUT : StandardStream.of(names.out()) == stream) {
      return (names.out() == null ? "--out -" : "--out '" + names.out() + "'") + " writes the results";
    }
    if (StandardStream.of(names.log()) == stream) return "--log '" + names.log() + "' writes";
    if (StandardStream.of(names.stats()) == stream) return "--stats '" + names.stats() + "' writes";
    return stream == StandardStream.STDERR ? "the summary and warnings go" : null;
  }

  /** Throws when {@code path}, a file the run opens itself, is {@code streamFile} (not {@code /dev/null}). */
  private static void refuseIfOn(Path streamFile, String option, Path path, StandardStream stream, String what) {
    if (streamFile == null || path == null || StandardStream.of(path) != null) return;
    if (OutputTargets.discards(OutputTargets.identity(path)) || !isSameFile(streamFile, path)) return;
    throw new IllegalArgumentException(option + " '" + path + "' is the file " + stream.description()
        + " is open on, where " + what + "; they must differ");
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false; // a closed descriptor, or a file that does not exist yet: not the stream's file
    }
  }
}
