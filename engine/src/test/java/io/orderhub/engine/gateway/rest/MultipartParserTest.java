package io.orderhub.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

  private static final String TYPE = "multipart/form-data; charset=ISO-8859-1; boundary=b0undary";

  @Test
  void shouldPreferTheExtendedUtf8FilenameTheClientSends() {
    // what httpclient5 (inside the Camunda client) writes for a non-ASCII file name: a lossy
    // ISO-8859-1 filename plus a quoted RFC 5987 filename*
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--b0undary\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"b-")
            .getBytes(StandardCharsets.ISO_8859_1));
    body.write(0xE4);
    body.writeBytes(
        ("\\\"??.bpmn\"; filename*=\"UTF-8''b-%C3%A4%22%E8%AE%A2%E5%8D%95.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n<x/>\r\n--b0undary--\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));

    List<MultipartParser.Part> parts = MultipartParser.parse(TYPE, body.toByteArray());

    assertThat(parts)
        .singleElement()
        .satisfies(
            part -> {
              assertThat(part.name()).isEqualTo("resources");
              assertThat(part.filename()).isEqualTo("b-ä\"订单.bpmn");
              assertThat(part.text()).isEqualTo("<x/>");
            });
  }

  @Test
  void shouldReadLatin1FilenameInTheDeclaredCharset() {
    // for names ISO-8859-1 can hold, httpclient5 sends only the raw ISO-8859-1 filename
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        "--b0undary\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"b-"
            .getBytes(StandardCharsets.ISO_8859_1));
    body.write(0xE4);
    body.writeBytes(".bpmn\"\r\n\r\n<x/>\r\n--b0undary--".getBytes(StandardCharsets.ISO_8859_1));

    List<MultipartParser.Part> parts = MultipartParser.parse(TYPE, body.toByteArray());

    assertThat(parts.getFirst().filename()).isEqualTo("b-ä.bpmn");
  }

  @Test
  void shouldKeepContentThatLooksLikeLineBreaksAndDashes() {
    String body =
        "preamble\r\n--b0undary\r\nContent-Disposition: form-data; name=\"resources\";"
            + " filename=\"a;b.bpmn\"\r\n\r\n--x\r\n--b0undar\r\n\r\n--b0undary\r\n"
            + "Content-Disposition: form-data; name=tenantId\r\n\r\nt1\r\n--b0undary--";

    List<MultipartParser.Part> parts =
        MultipartParser.parse(TYPE, body.getBytes(StandardCharsets.UTF_8));

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).filename()).isEqualTo("a;b.bpmn");
    assertThat(parts.get(0).text()).isEqualTo("--x\r\n--b0undar\r\n");
    assertThat(parts.get(1).name()).isEqualTo("tenantId");
    assertThat(parts.get(1).text()).isEqualTo("t1");
  }

  @Test
  void shouldRejectTruncatedBodies() {
    byte[] truncated =
        "--b0undary\r\nContent-Disposition: form-data; name=\"resources\"\r\n\r\nabc"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> MultipartParser.parse(TYPE, truncated))
        .isInstanceOfSatisfying(
            RestProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
    assertThatThrownBy(() -> MultipartParser.parse("application/json", truncated))
        .isInstanceOfSatisfying(
            RestProblem.class, problem -> assertThat(problem.status()).isEqualTo(415));
  }
}
