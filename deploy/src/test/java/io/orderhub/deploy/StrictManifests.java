package io.orderhub.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Kubernetes manifests into fabric8's typed model, as the API server's schema would, and
 * fails on any field the model does not know (fabric8 keeps those in {@code additionalProperties}
 * rather than failing, so every parsed object is walked for them). Kinds of operators (CRDs) have
 * no model here: they are checked for a known apiVersion/kind, a name and a spec.
 */
final class StrictManifests {

  /** The custom resources the manifests may declare: operators of the field. */
  static final Set<String> KNOWN_CUSTOM_KINDS =
      Set.of(
          "keda.sh/v1alpha1/ScaledObject",
          "postgresql.cnpg.io/v1/Cluster",
          "kafka.strimzi.io/v1beta2/Kafka",
          "kafka.strimzi.io/v1beta2/KafkaNodePool",
          "kafka.strimzi.io/v1beta2/KafkaTopic",
          "monitoring.coreos.com/v1/ServiceMonitor",
          "monitoring.coreos.com/v1/PrometheusRule");

  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final YAMLMapper yaml = new YAMLMapper();

  /** A parsed document: typed, or generic for a custom resource. */
  record Parsed(String source, Map<String, Object> raw, KubernetesResource resource) {
    String kind() {
      return (String) raw.get("kind");
    }

    String name() {
      Object metadata = raw.get("metadata");
      return metadata instanceof Map<?, ?> m ? (String) m.get("name") : null;
    }
  }

  List<Map<String, Object>> documents(String text) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (MappingIterator<Map<String, Object>> values =
        yaml.readerFor(new TypeReference<Map<String, Object>>() {}).readValues(text)) {
      while (values.hasNext()) {
        Map<String, Object> document = values.next();
        if (document != null && !document.isEmpty()) {
          documents.add(document);
        }
      }
    }
    return documents;
  }

  /** Parses every document of {@code text}; problems go to {@code problems}, prefixed by source. */
  List<Parsed> parse(String source, String text, List<String> problems) throws IOException {
    List<Parsed> parsed = new ArrayList<>();
    for (Map<String, Object> document : documents(text)) {
      String where = source + " " + document.get("kind") + "/" + name(document);
      Object apiVersion = document.get("apiVersion");
      Object kind = document.get("kind");
      if (!(apiVersion instanceof String) || !(kind instanceof String)) {
        problems.add(where + ": expected apiVersion and kind");
        continue;
      }
      if (name(document) == null) {
        problems.add(where + ": expected metadata.name");
      }
      KubernetesResource resource =
          serialization.unmarshal(serialization.asJson(document), KubernetesResource.class);
      if (resource instanceof GenericKubernetesResource) {
        if (!KNOWN_CUSTOM_KINDS.contains(apiVersion + "/" + kind)) {
          problems.add(where + ": unknown apiVersion/kind " + apiVersion + "/" + kind);
        }
        if (!(document.get("spec") instanceof Map)) {
          problems.add(where + ": expected a spec");
        }
      } else {
        unknownFields(resource, kind.toString(), where, problems);
      }
      parsed.add(new Parsed(source, document, resource));
    }
    return parsed;
  }

  private static String name(Map<String, Object> document) {
    return document.get("metadata") instanceof Map<?, ?> metadata
        ? (String) metadata.get("name")
        : null;
  }

  /** Walks the typed object for fields the model did not know. */
  private static void unknownFields(Object object, String path, String where, List<String> out) {
    if (object == null) {
      return;
    }
    if (object instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        unknownFields(list.get(i), path + "[" + i + "]", where, out);
      }
      return;
    }
    if (object instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, where, out));
      return;
    }
    if (!object.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : object.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class
          || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(object);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          out.add(where + ": unknown field(s) " + extra.keySet() + " at " + path);
        }
        continue;
      }
      String property = getter.getName().replaceFirst("^(get|is)", "");
      unknownFields(value, path + "." + property, where, out);
    }
  }
}
