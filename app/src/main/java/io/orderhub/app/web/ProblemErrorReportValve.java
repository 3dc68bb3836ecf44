package io.orderhub.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's last word on an error that never reached Spring MVC — a header too large for the
 * connector, a control character in a header, a malformed request line: an RFC 7807 problem instead
 * of Tomcat's HTML page, so every error of the API has the same shape.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorReportValve.class);

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    // as the superclass: only while the connection can still take a body
    AtomicBoolean io = new AtomicBoolean();
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
    if (!io.get()) {
      return;
    }
    String title = reason(status);
    String detail =
        throwable != null && throwable.getMessage() != null
            ? throwable.getMessage()
            : status == HttpServletResponse.SC_BAD_REQUEST
                ? "The request could not be read: a header may be too large or contain control"
                    + " characters"
                : title;
    LOG.debug("Container error {}: {}", status, detail);
    try {
      response.resetBuffer();
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            "{\"type\":\""
                + ProblemTypes.CONTAINER
                + "\",\"title\":\""
                + json(title)
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + json(detail)
                + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      LOG.debug("Could not write the problem of a container error", e);
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "HTTP " + status;
    };
  }

  static String json(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
