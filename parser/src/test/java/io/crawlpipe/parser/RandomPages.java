package io.crawlpipe.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates small, markup-dense byte arrays for equivalence tests: ASCII fragments (tags, parts of
 * tags, entities, whitespace), stray high bytes, lead bytes followed by ASCII trail bytes, and
 * characters encoded in the page's charset. Deterministic for a given {@link Random} seed.
 */
final class RandomPages {
  private final Random random;
  private final List<String> fragments;

  RandomPages(long seed, List<String> fragments) {
    this.random = new Random(seed);
    this.fragments = List.copyOf(fragments);
  }

  /** A page of up to {@code maxParts} parts, characters encoded in {@code charset}. */
  byte[] next(Charset charset, int maxParts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CharsetEncoder encoder = charset.newEncoder();
    int parts = random.nextInt(maxParts + 1);
    for (int i = 0; i < parts; i++) {
      switch (random.nextInt(6)) {
        case 0, 1 -> out.writeBytes(fragments.get(random.nextInt(fragments.size())).getBytes(StandardCharsets.ISO_8859_1));
        case 2 -> out.write(0x80 + random.nextInt(0x80));
        case 3 -> {
          out.write(0x81 + random.nextInt(0x7e));
          out.write(0x40 + random.nextInt(0x3f));
        }
        default -> {
          String c = new String(Character.toChars(randomCodePoint()));
          if (encoder.canEncode(c)) out.writeBytes(c.getBytes(charset));
        }
      }
    }
    return out.toByteArray();
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private int randomCodePoint() {
    return switch (random.nextInt(5)) {
      case 0 -> 0xA0 + random.nextInt(0x180);     // Latin-1 and Latin Extended
      case 1 -> 0x400 + random.nextInt(0x100);     // Cyrillic
      case 2 -> 0x3000 + random.nextInt(0x100);    // CJK punctuation, U+3000, kana
      case 3 -> 0x4E00 + random.nextInt(0x5000);  // CJK ideographs
      default -> 0x1F600 + random.nextInt(0x50);  // emoji: four bytes in UTF-8
    };
  }
}
