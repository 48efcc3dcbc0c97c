package io.crawlpipe.crawler.cli;

/**
 * For {@link ResultOutput}: what its files hold at the end of the run, and how the run's last line
 * says so: {@code files} as the file system has them now, {@code name} as the summary names the
 * output, {@code noting} the sink that knows whether this run wrote a line. Asks the file system
 * anew on each call, so it is as thread-safe as the file system is. No component may be null.
 */
record OutputHoldings(OutputFiles files, String name, NotingSink noting) {
  OutputHoldings {
    if (files == null || name == null || noting == null) throw new IllegalArgumentException("files, name and noting must not be null");
  }

  /** Final lines kept from the earlier run that {@code --resume} continued; 0 when none. */
  long resumedLines() {
    return files.resumed() == null ? 0 : files.resumed().finalLines();
  }

  /**
   * True when the run's temporary file exists and holds no byte: no line was written to it (nor
   * kept from an earlier run), so the target stays as it was. False once it is gone ({@link #linesLost}).
   */
  boolean wroteNothing() {
    return files.wroteNothing();
  }

  /** True when the temporary file holds no byte ({@link #wroteNothing}), or is gone but held no line. */
  boolean heldNothing() {
    return files.wroteNothing() || files.atomic() != null && !heldLines() && files.linesLost() != null;
  }

  /**
   * What became of the lines written so far when they are not where they were written, after "; ",
   * or null: gone or in another file ({@link OutputFiles#linesLost}); or, when there were none (no
   * line written by this run, nor kept from the one it resumed) and the temporary file is gone, that
   * it was removed before it held a line and the target was left as it was ({@link
   * OutputPhrases#removedBeforeALine}). Null for an {@code --append} file removed before a line.
   */
  String linesLost() {
    if (heldLines()) return files.linesLost();
    return files.atomic() != null && files.linesLost() != null
        ? OutputPhrases.removedBeforeALine(files.atomic().partial().toString(), name) : null;
  }

  /**
   * That the {@code --append} file was removed or replaced during the run before this run appended
   * a line to it, after "; " ({@link OutputPhrases#appendFileLostUntouched}): the summary says so
   * instead of naming it as where the results are. Null otherwise.
   */
  String appendFileLostUntouched() {
    return !noting.wroteLine() && files.appendFileLost() ? OutputPhrases.appendFileLostUntouched(name) : null;
  }

  /**
   * What a stop at once leaves, once the sink is closed ({@code unclosed}: why closing it failed,
   * or null) and an empty temporary file of the run's own removed: what became of the lines ({@link
   * #linesLost}), or where the lines written so far are ({@link OutputFiles#soFar}).
   */
  String leftByAStop(String unclosed) {
    String lost = linesLost();
    return lost != null ? lost : files.soFar(name, unclosed, heldLines());
  }

  /** True once this run wrote a line, or when it continued an earlier run's file that held some. */
  boolean heldLines() {
    return noting.wroteLine() || resumedLines() > 0;
  }
}
