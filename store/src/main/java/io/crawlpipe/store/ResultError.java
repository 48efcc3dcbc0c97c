package io.crawlpipe.store;

import java.util.Objects;

/** The {@code error} object of a failed result line: a machine-readable type and a human message. */
public record ResultError(ErrorType type, String message) {
  public ResultError {
    Objects.requireNonNull(type, "type");
    message = message == null ? type.code() : message;
  }
}
