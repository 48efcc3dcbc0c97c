package io.crawlpipe.crawler.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The names crawlpipe gives the files a run writes beside the ones it is given: {@code OUT.partial}
 * (the results until the rename), {@code OUT.lock} and {@code LOG.lock} (the locks), {@code
 * OUT.partial.resume} and {@code OUT.resume} (what {@code --resume} rewrites through). Each output
 * has a lock of its own, so a run whose {@code --out}, {@code --log} or {@code --stats} had such a
 * name would pass the lock of a run on {@code OUT} and replace, or have removed, that run's file: an
 * output, a log, a stats or a lock file named so is refused (a lock file's PID would be written
 * over that run's results). {@code --lock} may end in {@code .lock}; a
 * stream is written directly and is no such file; one of the run's own files beside another of
 * its names is refused before this, in {@link RunNames}' words. Stateless.
 */
final class DerivedNames {
  /** Each ending (a longer one before a shorter it ends in), with what such a file is to the file it is beside. */
  private static final List<Map.Entry<String, String>> ENDINGS = List.of(
      Map.entry(TemporaryNames.ending(TemporaryNames::partialRewrite), "a temporary file of --resume"),
      Map.entry(TemporaryNames.ending(TemporaryNames::rewrite), "a temporary file of --resume"),
      Map.entry(TemporaryNames.ending(TemporaryNames::partial), "its partial results"),
      Map.entry(".lock", "its lock file"));

  private DerivedNames() {}

  /**
   * Refuses an output, log, stats or lock file of {@code names} (links followed) named as a file a run
   * writes beside another.
   *
   * @throws IllegalArgumentException with a one-line message naming the option, the path and the file it is named as
   */
  static void check(RunNames names) {
    refuse("--out", names.out(), names.outStream());
    refuse("--log", names.log(), names.logStream());
    refuse("--stats", names.stats(), names.statsStream());
    refuse("--lock", names.lock(), false);
  }

  private static void refuse(String option, Path path, boolean stream) {
    if (path == null || stream || path.getFileName() == null) return;
    String name = path.getFileName().toString();
    for (Map.Entry<String, String> ending : ENDINGS) {
      if (option.equals("--lock") && ending.getKey().equals(".lock")) continue; // a lock is one
      int baseLength = name.length() - ending.getKey().length();
      if (baseLength > 0 && name.endsWith(ending.getKey())) {
        Path base = path.resolveSibling(name.substring(0, baseLength));
        throw new IllegalArgumentException(option + " '" + path + "' is the name of a file crawlpipe writes beside '"
            + base + "' (" + ending.getValue() + "): a run on that file and this one would write over each other;"
            + " give a name that does not end in .partial, .lock or .resume");
      }
    }
  }
}
