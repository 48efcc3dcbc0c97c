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

  /** A body whose length cannot be told (an Error, as a decoder's StackOverflowError is), and that records its close. */
  private static final class FailingBody extends ResponseBody {
    private final BufferedSource source;

    FailingBody(AtomicBoolean closed) {
      source = Okio.buffer(new ForwardingSource(new Buffer()) {
        @Override
        public void close() throws java.io.IOException {
          closed.set(true);
          super.close();
        }
      });
    }

    @Override
    public MediaType contentType() {
      return null;
    }

    @Override
    public long contentLength() {
      throw new StackOverflowError();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
