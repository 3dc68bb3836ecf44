package io.orderhub.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests no well-behaved client would send (control characters in a header, oversized headers),
 * written byte for byte to the socket: {@code java.net.http} refuses to send them at all.
 */
public final class RawHttp {

  private RawHttp() {}

  /** The status and body of the response to {@code request} (a complete HTTP/1.1 message). */
  public record Answer(int status, String head, String body) {}

  public static Answer send(int port, String request) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      try {
        while ((n = in.read(buffer)) > 0) {
          received.write(buffer, 0, n);
        }
      } catch (java.net.SocketException reset) {
        // the server may close after answering; what arrived is the answer
      }
      String response = received.toString(StandardCharsets.UTF_8);
      int end = response.indexOf("\r\n\r\n");
      String head = end < 0 ? response : response.substring(0, end);
      String body = end < 0 ? "" : response.substring(end + 4);
      int status = Integer.parseInt(head.substring(9, 12));
      if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        body = dechunk(body);
      }
      return new Answer(status, head, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }

  /** A POST of {@code json} to {@code path} with one extra header line as given. */
  public static String post(String path, String headerLine, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
        + headerLine
        + "\r\nContent-Length: "
        + body.length
        + "\r\n\r\n"
        + json;
  }
}
