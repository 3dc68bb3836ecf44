package io.orderhub.engine.gateway.rest;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small multipart/form-data (RFC 7578) reader for deployments: the JDK server has none, and the
 * bodies are small enough to split in memory.
 */
final class MultipartParser {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private MultipartParser() {}

  record Part(String name, String filename, byte[] content) {

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  static List<Part> parse(String contentType, byte[] body) {
    String boundary = boundary(contentType);
    Charset fallback = fallbackCharset(contentType);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw RestProblem.invalidArgument("Malformed multipart body: no boundary found");
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      pos += delimiter.length;
      if (startsWith(body, pos, new byte[] {'-', '-'})) {
        return parts; // the close delimiter
      }
      pos = skipToNextLine(body, pos);
      int headerEnd;
      int contentStart;
      if (startsWith(body, pos, CRLF)) { // a part without headers
        headerEnd = pos;
        contentStart = pos + CRLF.length;
      } else {
        headerEnd = indexOf(body, HEADER_END, pos);
        if (headerEnd < 0) {
          throw RestProblem.invalidArgument("Malformed multipart body: unterminated part headers");
        }
        contentStart = headerEnd + HEADER_END.length;
      }
      int contentEnd = indexOf(body, nextDelimiter, contentStart);
      if (contentEnd < 0) {
        throw RestProblem.invalidArgument("Malformed multipart body: missing closing boundary");
      }
      String headers = decodeHeaders(body, pos, headerEnd, fallback);
      parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
      pos = contentEnd + CRLF.length;
    }
  }

  private static Part part(String headerBlock, byte[] content) {
    Map<String, String> disposition = Map.of();
    for (String line : headerBlock.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
        disposition = parameters(line.substring(colon + 1));
      }
    }
    String name = disposition.get("name");
    if (name == null) {
      throw RestProblem.invalidArgument("Malformed multipart body: a part has no name");
    }
    String filename = disposition.get("filename*");
    filename = filename != null ? decodeExtended(filename) : disposition.get("filename");
    return new Part(name, filename, content);
  }

  /** Splits {@code form-data; name="a"; filename="b;c.bpmn"}, honouring quotes and escapes. */
  static Map<String, String> parameters(String headerValue) {
    Map<String, String> params = new LinkedHashMap<>();
    int i = 0;
    int n = headerValue.length();
    while (i < n) {
      int semicolon = headerValue.indexOf(';', i);
      int equals = headerValue.indexOf('=', i);
      if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
        i = semicolon < 0 ? n : semicolon + 1; // a bare token such as "form-data"
        continue;
      }
      String key = headerValue.substring(i, equals).trim().toLowerCase(Locale.ROOT);
      i = equals + 1;
      while (i < n && headerValue.charAt(i) == ' ') {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && headerValue.charAt(i) == '"') {
        i++;
        while (i < n && headerValue.charAt(i) != '"') {
          char c = headerValue.charAt(i);
          if (c == '\\' && i + 1 < n) {
            c = headerValue.charAt(++i);
          }
          value.append(c);
          i++;
        }
        int end = headerValue.indexOf(';', i);
        i = end < 0 ? n : end + 1;
      } else {
        int end = headerValue.indexOf(';', i);
        value.append(headerValue, i, end < 0 ? n : end);
        i = end < 0 ? n : end + 1;
      }
      params.put(key, value.toString().strip());
    }
    return params;
  }

  /** RFC 5987 {@code charset'language'percent-encoded}, used for non-ASCII file names. */
  private static String decodeExtended(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return value;
    }
    Charset charset;
    try {
      charset = Charset.forName(value.substring(0, first));
    } catch (IllegalArgumentException e) {
      charset = StandardCharsets.UTF_8;
    }
    return URLDecoder.decode(value.substring(second + 1).replace("+", "%2B"), charset);
  }

  /**
   * RFC 7578 allows raw UTF-8 in part headers, but httpclient5 (inside the Camunda client) writes
   * file names in the charset it declares on the request, ISO-8859-1, adding an RFC 5987 {@code
   * filename*} only for names that charset cannot hold. Valid UTF-8 wins; anything else is read in
   * the declared charset.
   */
  private static String decodeHeaders(byte[] body, int from, int to, Charset fallback) {
    ByteBuffer bytes = ByteBuffer.wrap(body, from, to - from);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      return new String(body, from, to - from, fallback);
    }
  }

  private static Charset fallbackCharset(String contentType) {
    String name = parameters(contentType).get("charset");
    try {
      return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.ISO_8859_1;
    }
  }

  private static String boundary(String contentType) {
    if (contentType == null
        || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new RestProblem(
          415, "UNSUPPORTED_MEDIA_TYPE", "Expected a multipart/form-data body, got " + contentType);
    }
    String boundary = parameters(contentType).get("boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw RestProblem.invalidArgument("Malformed multipart body: no boundary in Content-Type");
    }
    return boundary;
  }

  private static int skipToNextLine(byte[] body, int pos) {
    int eol = indexOf(body, CRLF, pos);
    if (eol < 0) {
      throw RestProblem.invalidArgument("Malformed multipart body: truncated after boundary");
    }
    return eol + CRLF.length;
  }

  private static boolean startsWith(byte[] body, int pos, byte[] prefix) {
    if (pos + prefix.length > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[pos + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] needle, int from) {
    for (int i = Math.max(from, 0); i <= body.length - needle.length; i++) {
      if (startsWith(body, i, needle)) {
        return i;
      }
    }
    return -1;
  }
}
