package dev.profilekit.aws.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 message read off a socket, kept byte for byte so that {@link FaultProxy} relays
 * exactly what it read. Only what a relay needs is understood: the start line, the headers that
 * frame the body ({@code Content-Length}, {@code Transfer-Encoding: chunked}) and {@code
 * Connection: close}; a response with neither length nor chunks runs to the end of the stream.
 *
 * @param raw the whole message as read
 * @param startLine the request or status line
 * @param head the start line and headers, as text
 * @param body the body (chunks joined), for inspection
 */
record HttpMessage(byte[] raw, String startLine, String head, String body) {

  private static final int MAX_HEAD = 64 * 1024;

  /**
   * Reads a request, or returns empty if the peer closed the connection before sending one.
   *
   * @param in the client's stream
   * @return the request
   * @throws IOException if the stream fails or ends inside a request
   */
  static Optional<HttpMessage> readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    Optional<String> head = readHead(in, raw);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(readBody(in, raw, head.get(), false));
  }

  /**
   * Reads a response.
   *
   * @param in the upstream's stream
   * @return the response
   * @throws IOException if the stream fails or ends before a response
   */
  static HttpMessage readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    String head = readHead(in, raw).orElseThrow(() -> new EOFException("upstream closed before answering"));
    int status = Integer.parseInt(head.split(" ", 3)[1]);
    boolean noBody = status / 100 == 1 || status == 204 || status == 304;
    return noBody ? new HttpMessage(raw.toByteArray(), firstLine(head), head, "") : readBody(in, raw, head, true);
  }

  /** Builds a complete response with a JSON body, as the proxy's own answers. */
  static byte[] jsonResponse(int status, String json, String requestId) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
        + "Content-Type: application/x-amz-json-1.1\r\n"
        + "x-amzn-RequestId: " + requestId + "\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** The status of a response. */
  int status() {
    return Integer.parseInt(startLine.split(" ", 3)[1]);
  }

  /** A header's value (the first, names compared without case), or empty. */
  Optional<String> header(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return Optional.of(line.substring(prefix.length()).trim());
      }
    }
    return Optional.empty();
  }

  /** The AWS operation the request names in {@code X-Amz-Target} ({@code DynamoDB_20120810.GetItem}), or empty text. */
  String operation() {
    return header("X-Amz-Target").map(target -> target.substring(target.indexOf('.') + 1)).orElse("");
  }

  /** Whether the sender will close the connection after this message. */
  boolean closesConnection() {
    return header("Connection").map(value -> value.equalsIgnoreCase("close")).orElse(false);
  }

  private static Optional<String> readHead(InputStream in, ByteArrayOutputStream raw) throws IOException {
    // The last four bytes read, to find the empty line (CR LF CR LF) that ends the head.
    int last = 0;
    while (raw.size() < 4 || last != 0x0D0A0D0A) {
      int b = in.read();
      if (b < 0) {
        if (raw.size() == 0) {
          return Optional.empty();
        }
        throw new EOFException("stream ended inside a message head");
      }
      raw.write(b);
      last = (last << 8) | b;
      if (raw.size() > MAX_HEAD) {
        throw new IOException("message head over " + MAX_HEAD + " bytes");
      }
    }
    return Optional.of(raw.toString(StandardCharsets.ISO_8859_1));
  }

  private static HttpMessage readBody(InputStream in, ByteArrayOutputStream raw, String head, boolean toEndIfUnframed)
      throws IOException {
    HttpMessage headOnly = new HttpMessage(new byte[0], firstLine(head), head, "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Optional<String> length = headOnly.header("Content-Length");
    boolean chunked = headOnly.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false);
    if (chunked) {
      readChunks(in, raw, body);
    } else if (length.isPresent()) {
      byte[] bytes = in.readNBytes(Integer.parseInt(length.get()));
      if (bytes.length < Integer.parseInt(length.get())) {
        throw new EOFException("stream ended inside a body");
      }
      raw.writeBytes(bytes);
      body.writeBytes(bytes);
    } else if (toEndIfUnframed) {
      byte[] bytes = in.readAllBytes();
      raw.writeBytes(bytes);
      body.writeBytes(bytes);
    }
    return new HttpMessage(raw.toByteArray(), firstLine(head), head, body.toString(StandardCharsets.UTF_8));
  }

  private static void readChunks(InputStream in, ByteArrayOutputStream raw, ByteArrayOutputStream body) throws IOException {
    while (true) {
      String sizeLine = readLine(in, raw);
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        // Trailers, if any, end with an empty line.
        while (!readLine(in, raw).isEmpty()) {
          // skip the trailer
        }
        return;
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length < size) {
        throw new EOFException("stream ended inside a chunk");
      }
      raw.writeBytes(chunk);
      body.writeBytes(chunk);
      readLine(in, raw);
    }
  }

  private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      raw.write(b);
      if (b == '\n') {
        int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
        return line.substring(0, end);
      }
      line.append((char) b);
    }
    throw new EOFException("stream ended inside a chunked body");
  }

  private static String firstLine(String head) {
    return head.substring(0, head.indexOf("\r\n"));
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }
}
