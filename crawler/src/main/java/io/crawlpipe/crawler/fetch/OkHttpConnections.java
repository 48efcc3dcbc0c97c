package io.crawlpipe.crawler.fetch;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import okhttp3.Connection;
import okhttp3.Protocol;
import okio.BufferedSource;

/**
 * What OkHttp does not tell about one of its HTTP/1 connections: whether bytes are waiting on it
 * that no request asked for, which the next request would take for its response. OkHttp reads
 * ahead into a buffer of the connection's own and keeps a connection whose server sent more than
 * its response framed (a {@code Content-Length} too short, a second response in the same write, a
 * 204 followed by a body); its only check of an idle connection's input, for requests other than
 * GET and after 10 s idle, looks for the end of the stream, not for bytes.
 *
 * <p>No public API shows that buffer: it is found once by reflection, as the one field of
 * {@code okhttp3.internal.connection.RealConnection} whose type has a {@code getSource()} giving an
 * okio {@link BufferedSource} (OkHttp 5's {@code BufferedSocket}), or which is one (OkHttp 4). Should
 * an OkHttp upgrade hide it, only the bytes that arrived on the socket while it was idle are seen,
 * and {@code OkHttpFetcherTest.theConnectionOfAWellFramedResponseIsReused} fails on it. (Counting
 * every connection stale instead would fail every fetch: a new connection cannot be told from a
 * pooled one here.)
 *
 * <p>Thread-safe; immutable.
 */
final class OkHttpConnections {
  private static final String REAL_CONNECTION = "okhttp3.internal.connection.RealConnection";
  /** Looked up once: the OkHttp on the class path does not change. */
  private static final OkHttpConnections FOUND = lookUp();

  /** The connection class the handle reads, or null when its buffer was not found. */
  private final Class<?> connectionClass;
  /** {@code (RealConnection) BufferedSource}, or null. */
  private final MethodHandle bufferedSource;

  private OkHttpConnections(Class<?> connectionClass, MethodHandle bufferedSource) {
    this.connectionClass = connectionClass;
    this.bufferedSource = bufferedSource;
  }

  /** The buffer of the OkHttp on the class path, looked up once. */
  static OkHttpConnections find() {
    return FOUND;
  }

  private static OkHttpConnections lookUp() {
    try {
      Class<?> type = Class.forName(REAL_CONNECTION, false, Connection.class.getClassLoader());
      MethodHandle handle = sourceHandle(type);
      return new OkHttpConnections(handle == null ? null : type, handle);
    } catch (ReflectiveOperationException | RuntimeException notThere) {
      return new OkHttpConnections(null, null);
    }
  }

  /** True when the buffer of OkHttp's connections was found: {@link #unread} can tell. */
  boolean canTell() {
    return bufferedSource != null;
  }

  private static MethodHandle sourceHandle(Class<?> type) throws ReflectiveOperationException {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Field field : type.getDeclaredFields()) {
      if (BufferedSource.class.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        return lookup.unreflectGetter(field).asType(MethodType.methodType(BufferedSource.class, Object.class));
      }
      Method getSource = publicGetSource(field.getType());
      if (getSource != null) {
        field.setAccessible(true);
        return MethodHandles.filterReturnValue(lookup.unreflectGetter(field), lookup.unreflect(getSource))
            .asType(MethodType.methodType(BufferedSource.class, Object.class));
      }
    }
    return null;
  }

  private static Method publicGetSource(Class<?> type) {
    if (type.isPrimitive() || !java.lang.reflect.Modifier.isPublic(type.getModifiers())) return null;
    try {
      Method method = type.getMethod("getSource");
      return BufferedSource.class.isAssignableFrom(method.getReturnType()) ? method : null;
    } catch (NoSuchMethodException none) {
      return null;
    }
  }

  /**
   * The bytes read ahead from {@code connection} and not yet parsed, or -1 when that cannot be
   * told. Only while the caller holds the connection (between exchanges, or its own exchange).
   */
  long buffered(Connection connection) {
    if (bufferedSource == null || !connectionClass.isInstance(connection)) return -1;
    try {
      return ((BufferedSource) bufferedSource.invoke(connection)).getBuffer().size();
    } catch (Throwable unreadable) {
      return -1;
    }
  }

  /**
   * True when bytes that no request asked for wait on {@code connection}, which the caller holds
   * before sending its request: read ahead by OkHttp, or arrived on the socket (one {@code
   * available()}, a system call; with TLS, the decrypted bytes). Always false for HTTP/2, whose
   * frames belong to other streams; true when the socket cannot be asked.
   */
  boolean unread(Connection connection) {
    if (!isHttp1(connection)) return false;
    if (buffered(connection) > 0) return true;
    try {
      return connection.socket().getInputStream().available() > 0;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Ends an HTTP/1 {@code connection}'s use as {@link #retire} does, and drops the bytes read ahead
   * from it, so that nothing can read on: OkHttp, closing a response whose body is not read to its
   * end, reads on to discard the rest, from that buffer too (a chunk-size line that never ends was
   * walked through byte by byte, slower and slower, for ever). Does nothing to an HTTP/2
   * connection: it carries other calls' streams, and OkHttp's reader thread fills its buffer (a
   * cancelled call resets its own stream). Only by the thread of the call the connection is given
   * to, while no other call can have it (its exchange under way, or its body's read failed) and no
   * read of it is under way.
   */
  void abandon(Connection connection) {
    if (!isHttp1(connection)) return;
    retire(connection);
    if (bufferedSource == null || !connectionClass.isInstance(connection)) return;
    try {
      ((BufferedSource) bufferedSource.invoke(connection)).getBuffer().clear();
    } catch (Throwable unreadable) {
      // Left as it is: the socket is closed, so a discard ends at the buffer's end.
    }
  }

  /** True for a connection that speaks HTTP/1.x: one exchange at a time, its bytes read on the caller's thread. */
  static boolean isHttp1(Connection connection) {
    Protocol protocol = connection.protocol();
    return protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0;
  }

  /**
   * Ends {@code connection}'s use: its socket is closed, so OkHttp's pool, which checks that
   * first, never hands it out again. For a connection the caller holds, or one idle.
   */
  static void retire(Connection connection) {
    try {
      connection.socket().close();
    } catch (IOException alreadyGone) {
      // Closed either way.
    }
  }
}
