package io.crawlpipe.crawler.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crawlpipe.crawler.fetch.FetchClient;
import io.crawlpipe.crawler.fetch.FetchException;
import io.crawlpipe.crawler.fetch.HttpProxy;
import io.crawlpipe.crawler.fetch.FetchResult;
import io.crawlpipe.crawler.fetch.FetchSettings;
import io.crawlpipe.crawler.fetch.ProxyRoutes;
import io.crawlpipe.crawler.fetch.RequestHeader;
import io.crawlpipe.crawler.fetch.TlsTrust;
import io.crawlpipe.store.ErrorType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProtocolCodecTest {
  private static final long LIMIT = 2 << 20;
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05.123456Z");
  private final ProtocolCodec codec = new ProtocolCodec();

  private byte[] written(WorkerMessage... messages) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (WorkerMessage message : messages) codec.write(message, out);
    return out.toByteArray();
  }

  private WorkerMessageReader reader(byte[] stream, long limit) {
    return codec.reader(new ByteArrayInputStream(stream), limit);
  }

  private List<WorkerMessage> read(byte[] stream) throws IOException {
    WorkerMessageReader reader = reader(stream, LIMIT);
    List<WorkerMessage> messages = new ArrayList<>();
    for (WorkerMessage m = reader.next(); m != null; m = reader.next()) messages.add(m);
    return messages;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static WorkerMessage.Page page(long id, byte[] body) {
    return new WorkerMessage.Page(id, "http://a.test/" + id, 200, "text/html", Map.of("etag", "\"x\""), body, AT, 42, 1);
  }

  /** A page line as a worker might send it, with {@code body_length} set to {@code declared} verbatim. */
  private static String pageLine(String declared) {
    return "{\"type\":\"page\",\"id\":7,\"final_url\":\"http://a.test/\",\"status\":200,"
        + "\"fetched_at_second\":1767323045,\"fetched_at_nano\":0,\"elapsed_ms\":1,\"attempts\":1,\"body_length\":" + declared + "}\n";
  }

  @Test
  void pageTravelsAsOneLineFollowedByItsRawBody() throws IOException {
    byte[] body = {0, 10, 13, (byte) 0xff, '<', 'p', '>'};
    FetchResult fetched = new FetchResult("http://a.test/", "http://a.test/final\n", 203, "text/html",
        Map.of("etag", "\"x\""), body, Instant.parse("2026-01-02T03:04:05.123Z"), 42, 1);
    byte[] stream = written(WorkerMessage.Page.of(7, fetched));

    String line = new String(stream, 0, stream.length - body.length, StandardCharsets.UTF_8);
    assertThat(line).startsWith("{\"type\":\"page\"").endsWith(",\"body_length\":7}\n").containsOnlyOnce("\n")
        .contains("\"final_url\":\"http://a.test/final\\n\"");
    assertThat(Arrays.copyOfRange(stream, stream.length - body.length, stream.length)).containsExactly(body);
    WorkerMessage.Page page = (WorkerMessage.Page) read(stream).getFirst();
    assertThat(page.id()).isEqualTo(7);
    FetchResult back = page.toFetchResult("http://a.test/");
    assertThat(back.body()).containsExactly(body);
    assertThat(back).usingRecursiveComparison().ignoringFields("body").isEqualTo(fetched);
  }

  @Test
  void aPageWhoseContentTypeWasTooLongToRecordReachesTheParentWithTheTypeItIsReadBy() throws IOException {
    FetchResult fetched = new FetchResult("http://a.test/", "http://a.test/", 200,
        "text/html; charset=windows-1251; x=" + "a".repeat(9000), Map.of(), new byte[0], AT, 1, 1);
    FetchResult back = ((WorkerMessage.Page) read(written(WorkerMessage.Page.of(3, fetched))).getFirst())
        .toFetchResult("http://a.test/");

    assertThat(back.contentType()).isNull();
    assertThat(back.contentTypeForParsing()).isEqualTo("text/html; charset=windows-1251");
  }

  @Test
  void emptySmallOneMebibyteAndBinaryBodiesRoundTripByteForByte() throws IOException {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < 256; i++) everyByte[i] = (byte) i;
    byte[] mebibyte = new byte[1 << 20];
    for (int i = 0; i < mebibyte.length; i++) mebibyte[i] = (byte) (i * 31 + (i >> 8));
    List<byte[]> bodies = List.of(new byte[0], utf8("<p>héllo</p>\n"), mebibyte, everyByte);

    List<WorkerMessage> back = read(written(IntStream.range(0, 4).mapToObj(i -> page(i, bodies.get(i))).toArray(WorkerMessage[]::new)));

    assertThat(back).hasSize(4);
    for (int i = 0; i < 4; i++) {
      WorkerMessage.Page page = (WorkerMessage.Page) back.get(i);
      assertThat(page.id()).isEqualTo(i);
      assertThat(page.body()).as("body %d", i).isEqualTo(bodies.get(i));
      assertThat(page).usingRecursiveComparison().ignoringFields("body").isEqualTo(page(i, bodies.get(i)));
    }
  }

  @Test
  void aMixedStreamDecodesInOrder() throws IOException {
    List<WorkerMessage> sent = List.of(new WorkerMessage.Hello(ProtocolCodec.VERSION, 42), page(1, utf8("one\n{\"type\":\"hello\"}\n")),
        new WorkerMessage.Started(2), new WorkerMessage.Failure(2, ErrorType.TIMEOUT, "no answer in 5 s", 1, AT, 5_001), page(3, new byte[0]),
        new WorkerMessage.Failure(4, ErrorType.INTERNAL, null, 2, null, 0), page(5, utf8("five")),
        new WorkerMessage.Page(6, "http://a.test/6", 301, null, Map.of(), new byte[] {'6'},
            Instant.parse("1969-12-31T23:59:59.999999999Z"), 0, 3));

    List<WorkerMessage> back = read(written(sent.toArray(WorkerMessage[]::new)));

    assertThat(back).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(sent);
  }

  @Test
  void failureKeepsItsErrorTypeAsTheResultsFileNamesIt() throws IOException {
    byte[] stream = written(new WorkerMessage.Failure(3, ErrorType.TOO_MANY_REDIRECTS, "more than 10", 1, null, 0));
    assertThat(new String(stream, StandardCharsets.UTF_8)).contains("\"error_type\":\"too_many_redirects\"").endsWith("}\n")
        .doesNotContain("fetched_at");
    WorkerMessage.Failure failure = (WorkerMessage.Failure) read(stream).getFirst();
    assertThat(failure.toException("http://a.test/"))
        .hasMessage("more than 10")
        .satisfies(e -> assertThat(e.type()).isEqualTo(ErrorType.TOO_MANY_REDIRECTS))
        .satisfies(e -> assertThat(e.url()).isEqualTo("http://a.test/"))
        .satisfies(e -> assertThat(e.fetchedAt()).as("untimed: the parent times it").isNull());
  }

  @Test
  void aFailureCarriesWhenTheWorkerStartedTheFetchAndHowLongItTook() throws IOException {
    byte[] stream = written(new WorkerMessage.Failure(3, ErrorType.TIMEOUT, "no answer in 2 s", 1, AT, 2_004));
    assertThat(new String(stream, StandardCharsets.UTF_8)).contains("\"elapsed_ms\":2004");
    FetchException e = ((WorkerMessage.Failure) read(stream).getFirst()).toException("http://a.test/");
    assertThat(e.fetchedAt()).isEqualTo(AT);
    assertThat(e.elapsedMs()).isEqualTo(2_004);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void aFailureWithANegativeTimeIsRejectedNamingIt() {
    String line = "{\"type\":\"failure\",\"id\":3,\"error_type\":\"timeout\",\"attempts\":1,"
        + "\"fetched_at_second\":1767323045,\"fetched_at_nano\":0,\"elapsed_ms\":-1}\n";
    assertThatThrownBy(reader(utf8(line), LIMIT)::next).isExactlyInstanceOf(ProtocolException.class)
        .hasMessageContaining("elapsed_ms must be >= 0, was -1");
  }

  @Test
  void aFailureWithAnErrorTypeTheResultsFileDoesNotKnowIsRejectedNamingIt() {
    WorkerMessageReader reader = reader(utf8("{\"type\":\"failure\",\"id\":3,\"error_type\":\"TIMEOUT\",\"attempts\":1}\n"), LIMIT);
    assertThatThrownBy(reader::next).isExactlyInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("not a protocol line (unknown error_type \"TIMEOUT\"): {\"type\":\"failure\"");
  }

  @Test
  void parentHelloCarriesVersionAndFetchSettings() throws ProtocolException {
    byte[] line = codec.line(ParentMessage.Hello.of(4, 100, 400, TestPools.FETCH));
    String text = new String(line, StandardCharsets.UTF_8);
    assertThat(text).endsWith("}\n").contains("\"type\":\"hello\"", "\"version\":" + ProtocolCodec.VERSION);
    ParentMessage.Hello hello = (ParentMessage.Hello) codec.parseParent(text.strip());
    assertThat(hello.worker()).isEqualTo(4);
    assertThat(hello.concurrency()).isEqualTo(100);
    assertThat(hello.fetchSettings()).isEqualTo(TestPools.FETCH);
  }

  @Test
  void parentHelloCarriesTheIdleConnectionsToKeepBesideTheWorkersShare() throws ProtocolException {
    String text = new String(codec.line(ParentMessage.Hello.of(2, 250, 3_000, TestPools.FETCH)), StandardCharsets.UTF_8);
    assertThat(text).contains("\"concurrency\":250", "\"idle_connections\":3000");
    ParentMessage.Hello hello = (ParentMessage.Hello) codec.parseParent(text.strip());
    assertThat(hello.concurrency()).isEqualTo(250);
    assertThat(hello.idleConnectionsToKeep()).isEqualTo(3_000);
    assertThat(hello).isEqualTo(ParentMessage.Hello.of(2, 250, 3_000, TestPools.FETCH));
  }

  @Test
  void aHelloWithoutIdleConnectionsIsReadButNotUsable() throws ProtocolException {
    ParentMessage.Hello hello = (ParentMessage.Hello) codec.parseParent(
        "{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"worker\":1,\"concurrency\":4}");
    assertThat(hello.idleConnections()).isZero();
    assertThatThrownBy(hello::idleConnectionsToKeep).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("idle_connections must be at least 1, was 0");
  }

  @Test
  void parentHelloCarriesTheChosenClientToTheWorker() throws ProtocolException {
    for (FetchClient client : FetchClient.values()) {
      FetchSettings chosen = new FetchSettings(TestPools.FETCH.timeout(), TestPools.FETCH.maxBytes(),
          TestPools.FETCH.maxRedirects(), TestPools.FETCH.userAgent(), client);
      String text = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, chosen)), StandardCharsets.UTF_8);
      assertThat(text).contains("\"client\":\"" + client.code() + "\"");
      assertThat(((ParentMessage.Hello) codec.parseParent(text.strip())).fetchSettings().client()).isEqualTo(client);
    }
  }

  @Test
  void parentHelloCarriesTheAddedCaCertificatesToTheWorker() throws ProtocolException {
    okhttp3.tls.HeldCertificate ca = new okhttp3.tls.HeldCertificate.Builder().certificateAuthority(0).build();
    FetchSettings trusting = TestPools.FETCH.withTrust(TlsTrust.ofPem(ca.certificatePem(), "ca.pem"));
    String text = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, trusting)), StandardCharsets.UTF_8);
    assertThat(((ParentMessage.Hello) codec.parseParent(text.strip())).fetchSettings().trust().authorities())
        .containsExactly(ca.certificate());
    String plain = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, TestPools.FETCH)), StandardCharsets.UTF_8);
    assertThat(plain).doesNotContain("ca_certificates");
    assertThat(((ParentMessage.Hello) codec.parseParent(plain.strip())).fetchSettings().trust()).isEqualTo(TlsTrust.JDK_DEFAULT);
  }

  @Test
  void parentHelloCarriesInsecureToTheWorkerOnlyWhenSet() throws ProtocolException {
    String text = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, TestPools.FETCH.withTrust(TlsTrust.INSECURE))),
        StandardCharsets.UTF_8);
    assertThat(text).contains("\"insecure\":true").doesNotContain("ca_certificates");
    ParentMessage.Hello hello = (ParentMessage.Hello) codec.parseParent(text.strip());
    assertThat(hello.fetchSettings().trust()).isEqualTo(TlsTrust.INSECURE);
    assertThat(hello.toString()).contains(", insecure]");
    String checked = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, TestPools.FETCH)), StandardCharsets.UTF_8);
    assertThat(checked).doesNotContain("insecure");
    assertThat(((ParentMessage.Hello) codec.parseParent(checked.strip())).fetchSettings().trust().insecure()).isFalse();
  }

  @Test
  void aHelloThatIsInsecureWithCaCertificatesIsNotUsable() throws ProtocolException {
    okhttp3.tls.HeldCertificate ca = new okhttp3.tls.HeldCertificate.Builder().certificateAuthority(0).build();
    String line = new String(codec.line(ParentMessage.Hello.of(1, 8, 32,
        TestPools.FETCH.withTrust(TlsTrust.ofPem(ca.certificatePem(), "ca.pem")))), StandardCharsets.UTF_8).strip();
    String both = line.substring(0, line.length() - 1) + ",\"insecure\":true}";
    ParentMessage.Hello hello = (ParentMessage.Hello) codec.parseParent(both);
    assertThatThrownBy(hello::fetchSettings).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("insecure checks no certificate, so it takes no ca_certificates");
  }

  @Test
  void parentHelloCarriesTheProxyWithItsCredentialsToTheWorker() throws ProtocolException {
    FetchSettings proxied = TestPools.FETCH.withProxy(HttpProxy.parse("http://bot:s%40cret@proxy.test:3128"));
    String text = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, proxied)), StandardCharsets.UTF_8);
    FetchSettings received = ((ParentMessage.Hello) codec.parseParent(text.strip())).fetchSettings();
    assertThat(received.proxies()).isEqualTo(proxied.proxies());
    assertThat(received.proxies().https().password()).isEqualTo("s@cret");
    assertThat(((ParentMessage.Hello) codec.parseParent(text.strip())).proxy()).isNotNull();
    String unproxied = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, TestPools.FETCH)), StandardCharsets.UTF_8);
    assertThat(((ParentMessage.Hello) codec.parseParent(unproxied.strip())).fetchSettings().proxies())
        .isEqualTo(ProxyRoutes.DIRECT);
  }

  @Test
  void parentHelloCarriesTheEnvironmentsProxiesAndBypassesToTheWorker() throws ProtocolException {
    ProxyRoutes routes = ProxyRoutes.fromEnvironment(Map.of("http_proxy", "http://plain.test:3128",
        "HTTPS_PROXY", "http://u:p@secure.test:8080", "NO_PROXY", "intranet.test, 10.0.0.0/8")::get);
    FetchSettings proxied = TestPools.FETCH.withProxies(routes);
    String text = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, proxied)), StandardCharsets.UTF_8);
    ParentMessage.Hello hello = (ParentMessage.Hello) codec.parseParent(text.strip());

    assertThat(hello.fetchSettings().proxies()).isEqualTo(routes);
    assertThat(hello.fetchSettings().proxies().loopbackDirect()).isTrue();
    assertThat(hello.toString()).doesNotContain("secure.test").doesNotContain("plain.test");
  }

  @Test
  void parentHelloCarriesTheAddedHeadersInOrderToTheWorker() throws ProtocolException {
    List<RequestHeader> added = List.of(RequestHeader.parse("Accept: text/html"), RequestHeader.parse("X-Api-Key: k\"1"),
        RequestHeader.parse("X-Empty:"));
    String text = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, TestPools.FETCH.withHeaders(added))),
        StandardCharsets.UTF_8);
    ParentMessage.Hello hello = (ParentMessage.Hello) codec.parseParent(text.strip());

    assertThat(hello.fetchSettings().headers()).isEqualTo(added);
    assertThat(hello.toString()).doesNotContain("k\"1");
    String none = new String(codec.line(ParentMessage.Hello.of(1, 8, 32, TestPools.FETCH)), StandardCharsets.UTF_8);
    assertThat(((ParentMessage.Hello) codec.parseParent(none.strip())).fetchSettings().headers()).isEmpty();
  }

  @Test
  void parentFetchRoundTripsWithAUrlThatNeedsEscaping() throws ProtocolException {
    String url = "http://a.test/\"q\"?x=\u00e9\\";
    byte[] line = codec.line(new ParentMessage.Fetch(7, url, false));
    assertThat(new String(line, StandardCharsets.UTF_8)).endsWith("}\n").doesNotContain("\n{").hasLineCount(1)
        .doesNotContain("report_start");
    assertThat(codec.parseParent(new String(line, StandardCharsets.UTF_8).strip())).isEqualTo(new ParentMessage.Fetch(7, url, false));
  }

  @Test
  void aFetchThatAsksToHearOfItsStartSaysSo() throws ProtocolException {
    byte[] line = codec.line(new ParentMessage.Fetch(8, "http://a.test/", true));
    assertThat(codec.parseParent(new String(line, StandardCharsets.UTF_8).strip()))
        .isEqualTo(new ParentMessage.Fetch(8, "http://a.test/", true));
  }

  @Test
  void aHelloOfAnotherVersionReadsWithItsVersionWhateverElseItLacksOrAdds() throws ProtocolException {
    ParentMessage.Hello hello = (ParentMessage.Hello) codec.parseParent("{\"type\":\"hello\",\"version\":99,\"new\":[1]}");
    assertThat(hello.version()).isEqualTo(99);
    assertThat(hello.worker()).isZero();
    assertThat(hello.noProxy()).isNull();
  }

  @Test
  void aHelloOfAnotherVersionIsReadForItsVersionWhateverItsOtherFieldsHold() throws ProtocolException {
    ParentMessage parsed = codec.parseParent("{\"type\":\"hello\",\"version\":3,\"loopback_direct\":\"yes\",\"worker\":[1]}");
    assertThat(((ParentMessage.Hello) parsed).version()).isEqualTo(3);
  }

  @Test
  void aParentLineWithAFieldOfTheWrongKindIsRejectedNamingIt() {
    assertThatThrownBy(() -> codec.parseParent("{\"type\":\"fetch\",\"id\":\"seven\",\"url\":\"http://a.test/\"}"))
        .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("id must be a whole number, was \"seven\"");
    assertThatThrownBy(() -> codec.parseParent("{\"type\":\"fetch\",\"id\":1}"))
        .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("url is missing");
    assertThatThrownBy(() -> codec.parseParent("{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"no_proxy\":[\"a\",1]}"))
        .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("no_proxy must be an array of strings, was an array holding other values");
    assertThatThrownBy(() -> codec.parseParent("{\"type\":\"hello\",\"version\":" + ProtocolCodec.VERSION + ",\"loopback_direct\":\"yes\"}"))
        .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("loopback_direct must be true or false");
    assertThatThrownBy(() -> codec.parseParent("{\"type\":\"page\"}"))
        .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("unknown type \"page\"");
    assertThatThrownBy(() -> codec.parseParent("http://a.test/"))
        .isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("http://a.test/");
  }

  @Test
  void unknownFieldsAreIgnoredSoAVersionCanAddSome() throws IOException {
    byte[] stream = utf8("{\"features\":[\"x\",{\"y\":[1]}],\"type\":\"hello\",\"version\":9,\"pid\":5,\"extra\":{\"a\":null}}\n");
    assertThat(read(stream)).containsExactly(new WorkerMessage.Hello(9, 5));
  }

  @Test
  void aLineThatIsNotProtocolIsRejectedQuotingItAndTheNextLineStillReads() throws IOException {
    WorkerMessageReader reader = reader(utf8("Picked up JAVA_TOOL_OPTIONS: -Xfoo\n{\"type\":\"shrug\"}\n"
        + "{\"type\":\"hello\",\"version\":\"2\",\"pid\":1}\n{\"type\":\"hello\",\"version\":2,\"pid\":1}\n"), LIMIT);
    assertThatThrownBy(reader::next).isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("Picked up JAVA_TOOL_OPTIONS");
    assertThatThrownBy(reader::next).isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("unknown type").hasMessageContaining("shrug");
    assertThatThrownBy(reader::next).isExactlyInstanceOf(ProtocolException.class).hasMessageContaining("version must be a whole number, was \"2\"");
    assertThat(reader.next()).isEqualTo(new WorkerMessage.Hello(2, 1));
  }

  @Test
  void aPageWithABadFieldButAGoodLengthIsRejectedAndLeavesTheStreamInStep() throws IOException {
    String badTime = pageLine("4").replace("\"fetched_at_nano\":0", "\"fetched_at_nano\":1000000000");
    WorkerMessageReader reader = reader(utf8(badTime + "a\nb\n" + pageLine("0")), LIMIT);
    assertThatThrownBy(reader::next).isExactlyInstanceOf(ProtocolException.class)
        .hasMessageContaining("fetched_at_nano must be from 0 to 999999999, was 1000000000");
    assertThat(reader.next()).isInstanceOfSatisfying(WorkerMessage.Page.class, p -> assertThat(p.body()).isEmpty());
    assertThat(reader.next()).isNull();
  }

  @Test
  void aTruncatedBodyIsABrokenFrameSayingHowMuchArrived() throws IOException {
    byte[] stream = written(page(7, new byte[1000]));
    assertThatThrownBy(() -> reader(Arrays.copyOf(stream, stream.length - 10), LIMIT).next())
        .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.streamEnded()).isTrue())
        .hasMessageStartingWith("broken page frame (truncated body: the stream ended after 990 of 1000 bytes): {\"type\":\"page\"");
  }

  @Test
  void aDeclaredLengthBeyondTheLimitIsABrokenFrameBeforeAnythingIsAllocated() throws IOException {
    assertThatThrownBy(() -> reader(written(page(7, new byte[1001])), 1000).next())
        .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.streamEnded()).isFalse())
        .hasMessageStartingWith("broken page frame (body_length must be a whole number from 0 to 1000 (the body limit), was 1001)");
    // were it allocated, this would be an OutOfMemoryError, not a FrameException
    assertThatThrownBy(() -> reader(utf8(pageLine(String.valueOf(Long.MAX_VALUE))), LIMIT).next())
        .isInstanceOf(FrameException.class).hasMessageContaining("was " + Long.MAX_VALUE + ")");
  }

  @Test
  void aLengthThatIsNotAWholeNumberIsABrokenFrameNamingIt() {
    Map<String, String> shown = Map.of("\"abc\"", "was \"abc\"", "-1", "was -1", "1.5", "was 1.5",
        "99999999999999999999", "was 99999999999999999999", "null", "was missing");
    shown.forEach((declared, says) -> assertThatThrownBy(() -> reader(utf8(pageLine(declared)), LIMIT).next())
        .as(declared).isInstanceOf(FrameException.class)
        .hasMessageContaining("body_length must be a whole number from 0 to " + LIMIT + " (the body limit), " + says + ")"));
  }
}
