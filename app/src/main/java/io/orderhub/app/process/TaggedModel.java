package io.orderhub.app.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The processes and decisions of one bundled BPMN/DMN resource with their {@code zeebe:versionTag}
 * (null when untagged), read from the XML the way the engine reads it: the tag is the {@code value}
 * of a {@code zeebe:versionTag} in the element's {@code extensionElements}.
 */
record TaggedModel(String resourceName, List<Definition> definitions) {

  static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  /** One process or decision of the resource. */
  record Definition(String id, String versionTag) {}

  /** True when every definition carries a tag: only then can the deployment be governed by tag. */
  boolean fullyTagged() {
    return !definitions.isEmpty() && definitions.stream().allMatch(d -> d.versionTag() != null);
  }

  static TaggedModel read(String resourceName, byte[] xml) {
    List<Definition> definitions = new ArrayList<>();
    Document document = parse(resourceName, xml);
    for (String kind : List.of("process", "decision")) {
      NodeList elements = document.getElementsByTagNameNS("*", kind);
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        if (element.getParentNode() == document.getDocumentElement()) {
          definitions.add(new Definition(element.getAttribute("id"), versionTag(element)));
        }
      }
    }
    return new TaggedModel(resourceName, List.copyOf(definitions));
  }

  private static String versionTag(Element definition) {
    for (Node child = definition.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element extensions && "extensionElements".equals(child.getLocalName())) {
        NodeList tags = extensions.getElementsByTagNameNS(ZEEBE_NS, "versionTag");
        for (int i = 0; i < tags.getLength(); i++) {
          Element tag = (Element) tags.item(i);
          if (tag.getParentNode() == extensions && !tag.getAttribute("value").isBlank()) {
            return tag.getAttribute("value");
          }
        }
      }
    }
    return null;
  }

  private static Document parse(String resourceName, byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "Expected the bundled model " + resourceName + " to be BPMN/DMN XML, but: " + e, e);
    }
  }
}
