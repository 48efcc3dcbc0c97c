package io.crawlpipe.crawler.cli;

/** Why a run stopped before the end of its list, with the exit code that reports it. */
enum StopCause {
  SIGHUP("SIGHUP", ExitCodes.SIGHUP),
  SIGINT("SIGINT", ExitCodes.SIGINT),
  SIGTERM("SIGTERM", ExitCodes.SIGTERM),
  DEADLINE("--max-time", ExitCodes.DEADLINE);

  private final String label;
  private final int exitCode;

  StopCause(String label, int exitCode) {
    this.label = label;
    this.exitCode = exitCode;
  }

  /** How messages and cancelled lines name the cause: {@code SIGTERM}, {@code --max-time}. */
  String label() {
    return label;
  }

  int exitCode() {
    return exitCode;
  }
}
