package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GzipBodySourceTest {

  @Test
  void aContentEncodingIsGzipOnlyWhenItListsOneGzipBesidesIdentities() {
    for (String gzip : new String[] {"gzip", " X-Gzip ", "identity, gzip", "gzip, identity", "gzip,", ", identity,GZIP"}) {
      assertThat(GzipBodySource.isGzipCoding(gzip)).as(gzip).isTrue();
    }
    for (String other : new String[] {null, "", "identity", "gzip, gzip", "gzip, br", "br, gzip", "deflate", "gzip;q=1"}) {
      assertThat(GzipBodySource.isGzipCoding(other)).as(other).isFalse();
    }
  }
}
