package io.crawlpipe.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

class OkHttpExchangeGuardTest {

  @Test
  void aResponseThatFailsToBePutRightIsClosedNotLeakedWhateverIsThrown() {
    AtomicBoolean closed = new AtomicBoolean();
    Request request = new Request.Builder().url("http://127.0.0.1:1/").build();
    Response response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(204).message("No Content")
        .body(new FailingBody(closed)).build();
    Throwable thrown = catchThrowable(() -> new OkHttpExchangeGuard(OkHttpConnections.find()).intercept(chain(request, response)));
    assertThat(thrown).isInstanceOf(StackOverflowError.class);
    assertThat(closed).as("the response's body closed").isTrue();
  }

  /**
   * The JVM throws one preallocated OutOfMemoryError when the heap runs out, so putting right and
   * closing may fail with the same error: it is thrown as it is, not hidden by a self-suppression.
   */
  @Test
  void theSameErrorFromPuttingRightAndFromClosingIsThrownAsItIs() {
    Error outOfHeap = new OutOfMemoryError("Java heap space");
    Request request = new Request.Builder().url("http://127.0.0.1:1/").build();
    Response response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(204).message("No Content")
        .body(new FailingBody(outOfHeap, outOfHeap)).build();
    Throwable thrown = catchThrowable(() -> new OkHttpExchangeGuard(OkHttpConnections.find()).intercept(chain(request, response)));
    assertThat(thrown).isSameAs(outOfHeap);
  }

  /** A chain with no connection whose {@code proceed} answers {@code response}. */
  private static Interceptor.Chain chain(Request request, Response response) {
    return (Interceptor.Chain) Proxy.newProxyInstance(Interceptor.Chain.class.getClassLoader(),
        new Class<?>[] {Interceptor.Chain.class}, (proxy, method, args) -> switch (method.getName()) {
          case "request" -> request;
          case "proceed" -> response;
          case "connection" -> null;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  /**
   * A body whose length cannot be told (an Error, as a decoder's StackOverflowError is), and that
   * records its close, or fails it with {@code onClose} when that is not null.
   */
  private static final class FailingBody extends ResponseBody {
    private final BufferedSource source;
    private final Error onLength;

    FailingBody(AtomicBoolean closed) {
      this(new StackOverflowError(), null, closed);
    }

    FailingBody(Error onLength, Error onClose) {
      this(onLength, onClose, new AtomicBoolean());
    }

    private FailingBody(Error onLength, Error onClose, AtomicBoolean closed) {
      this.onLength = onLength;
      source = Okio.buffer(new ForwardingSource(new Buffer()) {
        @Override
        public void close() throws java.io.IOException {
          closed.set(true);
          super.close();
          if (onClose != null) throw onClose;
        }
      });
    }

    @Override
    public MediaType contentType() {
      return null;
    }

    @Override
    public long contentLength() {
      throw onLength;
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
