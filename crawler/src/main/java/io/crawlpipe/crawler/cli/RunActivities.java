package io.crawlpipe.crawler.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a run does outside the crawl, as the line of a stop that ends it then names it ("while
 * opening --log 'f'"), and what such a stop leaves: the texts {@link RunStops#outside} and {@link
 * RunStops#crawled} take. Stateless; the arguments must not be null.
 */
final class RunActivities {
  /** What a stop before the crawl leaves. */
  static final String NOTHING_CRAWLED = "nothing was crawled";

  private RunActivities() {}

  /** What the run does while it opens the log, as a stop then names it. */
  static String openingLog(RunNames names) {
    return (names.logStream() ? "waiting for a reader of --log '" : "opening --log '") + names.log() + "'";
  }

  /**
   * What the run does while it opens the output: for --resume, reading the file it resumes (the
   * temporary file of the earlier run if it left one with lines, not with --append; else the output).
   */
  static String openingOutput(RunNames names, RunSettings s) {
    if (names.out() == null || StandardStream.of(names.out()) != null) return "opening the output";
    if (names.outStream()) return "waiting for a reader of --out '" + names.out() + "'";
    if (!s.resume()) return "opening --out '" + names.out() + "'";
    return "reading '" + (s.append() ? names.out() : defaultModeSource(names.out())) + "' for --resume";
  }

  /** The file the default mode resumes from ({@link EarlierResults#resumeSource}), or the output if none or unknown. */
  private static Path defaultModeSource(Path out) {
    try {
      Path source = EarlierResults.resumeSource(out);
      return source == null ? out : source;
    } catch (IOException e) {
      return out;
    }
  }

  /** What the run does after the crawl, as a stop then names it. */
  static String finishing(RunNames names) {
    if (names.stats() == null) return "finishing";
    return (names.statsStream() ? "waiting for a reader of --stats '" : "writing --stats '") + names.stats() + "'";
  }

  /** What a stop after the crawl leaves: the output as it was, the results so far ({@code failed}), or complete ones. */
  static String crawledLeaves(ResultOutput output, boolean failed) {
    if (output.leftAsItWas()) return OutputPhrases.leftAsItWas(output.name());
    if (failed) return "the results so far are in " + output.name();
    return OutputPhrases.complete(output.name(), output.standardStream() != null);
  }
}
