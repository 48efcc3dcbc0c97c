package io.crawlpipe.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a results file left by an earlier run, for {@code --resume} and {@code --append}.
 *
 * <p>The valid part of a file is its longest prefix of whole lines (each ending in a newline) that
 * parse as result objects with a {@code url}. Whatever follows — a line cut short by {@code kill
 * -9}, bytes a power loss left behind — is invalid and dropped, and so re-crawled: a dropped line
 * is never kept, so no URL ends with two lines. Within the valid part, a {@code cancelled} line is
 * not final (its URL is retried); every other line is. Stateless; the URL text handed to the
 * callback is not kept.
 */
public final class ResultFileScanner {
  private final JsonMapper json = JsonMapper.builder().build();

  /** What {@link #scan} found. */
  public record Scan(long validBytes, long totalBytes, long finalLines, long finalFailed, long cancelledLines) {
    public Scan {
      if (validBytes < 0 || validBytes > totalBytes) {
        throw new IllegalArgumentException("validBytes must be in [0, " + totalBytes + "], was " + validBytes);
      }
    }

    /** True when the file holds something besides final lines (cancelled lines or invalid bytes). */
    public boolean needsRepair() {
      return cancelledLines > 0 || validBytes < totalBytes;
    }
  }

  /**
   * Reads {@code file} and calls {@code finalUrl} with the URL of every final line, in file order.
   *
   * @throws IOException when the file cannot be read
   */
  public Scan scan(Path file, Consumer<String> finalUrl) throws IOException {
    Objects.requireNonNull(finalUrl, "finalUrl");
    long[] counts = new long[3];
    long valid = visit(file, (line, url, failed, cancelled) -> {
      if (cancelled) {
        counts[2]++;
        return;
      }
      counts[0]++;
      if (failed) counts[1]++;
      finalUrl.accept(url);
    });
    return new Scan(valid, Files.size(file), counts[0], counts[1], counts[2]);
  }

  /**
   * Writes the final lines of {@code source}'s valid part to {@code out}, byte for byte, leaving
   * out cancelled lines. Does not close {@code out}.
   */
  public void copyFinalLines(Path source, OutputStream out) throws IOException {
    try {
      visit(source, (line, url, failed, cancelled) -> {
        if (cancelled) return;
        try {
          out.write(line.buffer(), 0, line.size());
        } catch (IOException e) {
          throw new CopyFailed(e);
        }
      });
    } catch (CopyFailed e) {
      throw e.io;
    }
  }

  /** The byte length of the file's whole lines: everything after the last newline is a cut line. */
  public static long wholeLinesLength(Path file) throws IOException {
    long size = Files.size(file);
    try (var channel = java.nio.channels.FileChannel.open(file)) {
      java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
      for (long at = size - 1; at >= 0; at--) {
        one.clear();
        if (channel.read(one, at) == 1 && one.get(0) == '\n') return at + 1;
      }
    }
    return 0;
  }

  private interface LineVisitor {
    void line(LineBuffer bytes, String url, boolean failed, boolean cancelled);
  }

  /** Visits the valid lines and returns the length of the valid part. */
  private long visit(Path file, LineVisitor visitor) throws IOException {
    long valid = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
      LineBuffer line = new LineBuffer(4096);
      int b;
      while ((b = in.read()) != -1) {
        line.write(b);
        if (b != '\n') continue;
        JsonNode node = parse(line);
        if (node == null) return valid;
        String type = node.path("error").path("type").asString(null);
        visitor.line(line, node.get("url").asString(), !node.path("ok").asBoolean(false),
            ErrorType.CANCELLED.code().equals(type));
        valid += line.size();
        line.reset();
      }
    }
    return valid;
  }

  private JsonNode parse(LineBuffer line) {
    try {
      JsonNode node = json.readTree(line.buffer(), 0, line.size());
      return node != null && node.isObject() && node.path("url").isString() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static final class CopyFailed extends RuntimeException {
    final IOException io;

    CopyFailed(IOException io) {
      super(io.getMessage(), io, false, false);
      this.io = io;
    }
  }
}
