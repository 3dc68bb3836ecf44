package io.orderhub.engine.record;

import io.orderhub.engine.model.BpmnElementType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of every event type, its components filled from their declared types, so that a new
 * event or component is covered by the codec tests without editing them.
 */
final class EventSamples {

  private EventSamples() {}

  static List<EngineEvent> everyEvent() {
    List<EngineEvent> events = new ArrayList<>();
    int seed = 0;
    for (Class<?> type : EngineEvent.class.getPermittedSubclasses()) {
      events.add(sample(type, seed++));
    }
    return events;
  }

  /** A variable value of every JSON shape, as a replayed journal holds it (whole numbers Long). */
  static Map<String, Object> jsonShapes(int seed) {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("id", "order-" + seed);
    nested.put("lines", new ArrayList<>(List.of(1L, 2.5, "three", true)));
    nested.put("none", null);
    Map<String, Object> shapes = new LinkedHashMap<>();
    shapes.put("text", "grüße \"quoted\" \n " + seed);
    shapes.put("empty", "");
    shapes.put("whole", 1_234_567_890_123L + seed);
    shapes.put("negative", -42L);
    shapes.put("fraction", 0.1 + seed);
    shapes.put("yes", true);
    shapes.put("no", false);
    shapes.put("nothing", null);
    shapes.put("list", new ArrayList<>(List.of("a", 1L, new ArrayList<>())));
    shapes.put("map", nested);
    shapes.put("emptyMap", new LinkedHashMap<>());
    return shapes;
  }

  private static EngineEvent sample(Class<?> type, int seed) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = value(components[i].getType(), components[i].getGenericType(), seed * 100 + i);
    }
    try {
      Constructor<?> constructor =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return (EngineEvent) constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Expected to construct a sample " + type, e);
    }
  }

  private static Object value(Class<?> raw, Type generic, int seed) {
    if (raw == long.class) {
      return 2_251_799_813_685_249L + seed;
    } else if (raw == int.class) {
      return seed;
    } else if (raw == String.class) {
      return "value-" + seed;
    } else if (raw == byte[].class) {
      byte[] bytes = new byte[300];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (i * 7 + seed);
      }
      return bytes;
    } else if (raw == BpmnElementType.class) {
      BpmnElementType[] all = BpmnElementType.values();
      return all[seed % all.length];
    } else if (raw == java.util.Set.class) {
      return java.util.Set.of("tag-a", "tag-" + seed);
    } else if (raw == List.class) {
      return new ArrayList<>(List.of("item", (long) seed, jsonShapes(seed)));
    } else if (raw == Map.class) {
      Type valueType = ((ParameterizedType) generic).getActualTypeArguments()[1];
      if (valueType == Long.class) {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("decision-" + seed, 2_251_799_813_685_300L + seed);
        return map;
      } else if (valueType == String.class) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("key-" + seed, "value-" + seed);
        map.put("other", "");
        return map;
      }
      return jsonShapes(seed);
    } else if (raw == Object.class) {
      return jsonShapes(seed);
    }
    throw new IllegalStateException("Expected a sample for " + generic + ", but there is none");
  }
}
