package io.crawlpipe.crawler.process;

import java.io.IOException;

/**
 * Starts one worker process whose stdin, stdout and stderr are pipes to the caller, ready to read
 * the parent's hello. The caller owns the process.
 */
@FunctionalInterface
interface WorkerLauncher {
  Process launch(int workerId) throws IOException;
}
