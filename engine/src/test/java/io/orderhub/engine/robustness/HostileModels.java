package io.orderhub.engine.robustness;

import java.nio.charset.StandardCharsets;

/** BPMN documents an attacker (or a careless modeler) might deploy, built as plain XML. */
final class HostileModels {

  private HostileModels() {}

  static final String HEADER =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          id="defs" targetNamespace="http://orderhub.io/hostile">
      """;

  /** A start event straight to an end event, with an optional documentation of the given size. */
  static String process(String id, int documentationChars) {
    String documentation =
        documentationChars == 0
            ? ""
            : "<bpmn:documentation>" + "x".repeat(documentationChars) + "</bpmn:documentation>";
    return """
        <bpmn:process id="%1$s" isExecutable="true">%2$s
          <bpmn:startEvent id="%1$s_start"><bpmn:outgoing>%1$s_f</bpmn:outgoing></bpmn:startEvent>
          <bpmn:sequenceFlow id="%1$s_f" sourceRef="%1$s_start" targetRef="%1$s_end"/>
          <bpmn:endEvent id="%1$s_end"><bpmn:incoming>%1$s_f</bpmn:incoming></bpmn:endEvent>
        </bpmn:process>
        """
        .formatted(id, documentation);
  }

  static byte[] definitions(String... processes) {
    return (HEADER + String.join("", processes) + "</bpmn:definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** One resource holding {@code count} small processes {@code prefix1..prefixN}. */
  static byte[] manyProcesses(String prefix, int count) {
    StringBuilder xml = new StringBuilder(HEADER);
    for (int i = 1; i <= count; i++) {
      xml.append(process(prefix + i, 0));
    }
    return xml.append("</bpmn:definitions>").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A script task whose FEEL result becomes {@code result}, between a start and an end. */
  static byte[] script(String id, String feel) {
    return definitions(
        """
        <bpmn:process id="%1$s" isExecutable="true">
          <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="script"/>
          <bpmn:scriptTask id="script">
            <bpmn:extensionElements>
              <zeebe:script expression="=%2$s" resultVariable="result"/>
            </bpmn:extensionElements>
            <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
          </bpmn:scriptTask>
          <bpmn:sequenceFlow id="f2" sourceRef="script" targetRef="end"/>
          <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
        </bpmn:process>
        """
            .formatted(id, escape(feel)));
  }

  /**
   * A script task counting up, and an exclusive gateway leading back to it while {@code n < limit}:
   * a loop without a wait state.
   */
  static byte[] loop(String id, long limit) {
    return definitions(
        """
        <bpmn:process id="%1$s" isExecutable="true">
          <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="count"/>
          <bpmn:scriptTask id="count">
            <bpmn:extensionElements>
              <zeebe:script expression="=if n = null then 1 else n + 1" resultVariable="n"/>
            </bpmn:extensionElements>
            <bpmn:incoming>f1</bpmn:incoming><bpmn:incoming>again</bpmn:incoming>
            <bpmn:outgoing>f2</bpmn:outgoing>
          </bpmn:scriptTask>
          <bpmn:sequenceFlow id="f2" sourceRef="count" targetRef="more"/>
          <bpmn:exclusiveGateway id="more" default="done">
            <bpmn:incoming>f2</bpmn:incoming>
            <bpmn:outgoing>again</bpmn:outgoing><bpmn:outgoing>done</bpmn:outgoing>
          </bpmn:exclusiveGateway>
          <bpmn:sequenceFlow id="again" sourceRef="more" targetRef="count">
            <bpmn:conditionExpression>=n &lt; %2$d</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="done" sourceRef="more" targetRef="end"/>
          <bpmn:endEvent id="end"><bpmn:incoming>done</bpmn:incoming></bpmn:endEvent>
        </bpmn:process>
        """
            .formatted(id, limit));
  }

  /** A sequence of {@code count} pass-through tasks. */
  static byte[] longSequence(String id, int count) {
    StringBuilder body = new StringBuilder();
    body.append("<bpmn:process id=\"%s\" isExecutable=\"true\">".formatted(id));
    body.append("<bpmn:startEvent id=\"t0\"><bpmn:outgoing>s0</bpmn:outgoing></bpmn:startEvent>");
    for (int i = 1; i <= count; i++) {
      body.append(
          "<bpmn:task id=\"t%d\"><bpmn:incoming>s%d</bpmn:incoming><bpmn:outgoing>s%d</bpmn:outgoing></bpmn:task>"
              .formatted(i, i - 1, i));
    }
    body.append(
        "<bpmn:endEvent id=\"t%d\"><bpmn:incoming>s%d</bpmn:incoming></bpmn:endEvent>"
            .formatted(count + 1, count));
    for (int i = 0; i <= count; i++) {
      body.append(
          "<bpmn:sequenceFlow id=\"s%d\" sourceRef=\"t%d\" targetRef=\"t%d\"/>"
              .formatted(i, i, i + 1));
    }
    body.append("</bpmn:process>");
    return definitions(body.toString());
  }

  static String nestedParentheses(int depth) {
    return "(".repeat(depth) + "1" + ")".repeat(depth);
  }

  private static String escape(String feel) {
    return feel.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
