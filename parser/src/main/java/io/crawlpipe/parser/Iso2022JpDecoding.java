package io.crawlpipe.parser;

/**
 * One run of the WHATWG ISO-2022-JP decoder over a whole input, state by state as the standard
 * writes it (ASCII, Roman, Katakana, Lead byte, Trail byte, Escape start, Escape, and the output
 * flag that makes an escape sequence right after another an error). The standard's "prepend to
 * the queue" is a step back: the bytes it prepends are always the ones just read. Used by {@link
 * Iso2022JpCharset}; single-use and not thread-safe.
 */
final class Iso2022JpDecoding {
  private static final int END = -1;
  private static final int ESC = 0x1B;
  private static final char REPLACEMENT = '\uFFFD';

  private enum State { ASCII, ROMAN, KATAKANA, LEAD_BYTE, TRAIL_BYTE, ESCAPE_START, ESCAPE }

  private final char[] jis0208;
  private final byte[] b;
  private final int end;
  private final StringBuilder out;
  private int at;
  private State state = State.ASCII;
  private State outputState = State.ASCII;
  private int lead;
  private boolean outputFlag;

  /** A run over {@code b[off..off+len)}, with {@code jis0208} the index of 94 × 94 pointers. */
  Iso2022JpDecoding(char[] jis0208, byte[] b, int off, int len) {
    this.jis0208 = jis0208;
    this.b = b;
    this.at = off;
    this.end = off + len;
    this.out = new StringBuilder(len);
  }

  /** The decoded text; call once. */
  String run() {
    while (true) {
      int bt = at < end ? b[at] & 0xff : END;
      at++;
      if (!step(bt)) return out.toString();
    }
  }

  /** Handles one byte (or {@link #END}); false when the decoder has finished. */
  private boolean step(int bt) {
    if (bt == ESC && state.compareTo(State.TRAIL_BYTE) < 0) {  // ASCII, Roman, Katakana, Lead byte
      state = State.ESCAPE_START;
      return true;
    }
    switch (state) {
      case ASCII -> single(bt, bt <= 0x7F && bt != 0x0E && bt != 0x0F ? bt : -1);
      case ROMAN -> single(bt, bt == 0x5C ? 0xA5 : bt == 0x7E ? 0x203E
          : bt <= 0x7F && bt != 0x0E && bt != 0x0F ? bt : -1);
      case KATAKANA -> single(bt, bt >= 0x21 && bt <= 0x5F ? 0xFF61 - 0x21 + bt : -1);
      case LEAD_BYTE -> leadByte(bt);
      case TRAIL_BYTE -> trailByte(bt);
      case ESCAPE_START -> escapeStart(bt);
      case ESCAPE -> escape(bt);
    }
    return bt != END || at <= end;
  }

  /** A byte of a single-byte set: {@code c} its character, or -1 when the set lacks it. */
  private void single(int bt, int c) {
    if (bt == END) return;
    outputFlag = false;
    out.append(c < 0 ? REPLACEMENT : (char) c);
  }

  private void leadByte(int bt) {
    if (bt == END) return;
    outputFlag = false;
    if (bt >= 0x21 && bt <= 0x7E) {
      lead = bt;
      state = State.TRAIL_BYTE;
    } else {
      out.append(REPLACEMENT);
    }
  }

  private void trailByte(int bt) {
    if (bt == ESC) {
      state = State.ESCAPE_START;
    } else {
      state = State.LEAD_BYTE;
      if (bt >= 0x21 && bt <= 0x7E) {
        out.append(jis0208[(lead - 0x21) * 94 + bt - 0x21]);
        return;
      }
      if (bt == END) at--;  // the standard prepends end-of-queue: the next step finishes
    }
    out.append(REPLACEMENT);
  }

  private void escapeStart(int bt) {
    if (bt == 0x24 || bt == 0x28) {
      lead = bt;
      state = State.ESCAPE;
      return;
    }
    at--;  // the byte (or end-of-queue) is read again in the set the escape was in
    outputFlag = false;
    state = outputState;
    out.append(REPLACEMENT);
  }

  private void escape(int bt) {
    State selected = selected(lead, bt);
    if (selected != null) {
      state = selected;
      outputState = selected;
      if (outputFlag) out.append(REPLACEMENT);
      outputFlag = true;
      return;
    }
    at -= 2;  // the lead ('$' or '(') and the byte (or end-of-queue) are read again as text
    outputFlag = false;
    state = outputState;
    out.append(REPLACEMENT);
  }

  private static State selected(int lead, int bt) {
    if (lead == 0x28 && bt == 0x42) return State.ASCII;
    if (lead == 0x28 && bt == 0x4A) return State.ROMAN;
    if (lead == 0x28 && bt == 0x49) return State.KATAKANA;
    if (lead == 0x24 && (bt == 0x40 || bt == 0x42)) return State.LEAD_BYTE;
    return null;
  }
}
