package io.orderhub.engine.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The journal's compact entry format: tagged binary values written by per-event-type accessors
 * resolved once, instead of Jackson's reflective JSON (which took ~40 % of the processing thread).
 *
 * <pre>
 * entry     = TAG, zigzag-varlong timestamp, varint count, event*
 * event     = varint typeRef (0: a new type, its simple name follows as a string; n: the n-th new
 *             type of this entry), varint componentCount, value*  (in record component order)
 * value     = NULL | LONG zigzag-varlong | STRING string | TRUE | FALSE | DOUBLE 8 bytes
 *           | BYTES varint n, n bytes | MAP varint n, (string key, value)* | LIST varint n, value*
 *           | JSON varint n, n bytes of Jackson JSON (any other Java value, as the JSON format did)
 * string    = varint n, n bytes UTF-8
 * </pre>
 *
 * <p>Evolution: events are matched by simple name (as the JSON format's {@code @event}) and their
 * components by position. Components may only be appended to an event (the JSON format tolerated
 * any change, but a released event's meaning never changes anyway): an older entry lacks the new
 * trailing components, which read as 0/null, as a JSON entry without the property did.
 *
 * <p>Decoding yields the same Java values the JSON format's replay did: whole numbers as Long, maps
 * as LinkedHashMap, lists as ArrayList; a value JSON had no exact shape for (a BigDecimal, a date,
 * a non-finite double, a map with non-text keys) still goes through Jackson.
 */
final class CompactEventFormat {

  static final byte TAG = 0x02;

  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte STRING = 2;
  private static final byte TRUE = 3;
  private static final byte FALSE = 4;
  private static final byte DOUBLE = 5;
  private static final byte BYTES = 6;
  private static final byte MAP = 7;
  private static final byte LIST = 8;
  private static final byte JSON = 9;

  /** A write buffer larger than this is not kept for the next entry (a deployment's resources). */
  private static final int KEPT_BUFFER_BYTES = 64 * 1024;

  private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

  private static final ClassValue<EventType> TYPES =
      new ClassValue<>() {
        @Override
        protected EventType computeValue(Class<?> type) {
          return new EventType(type);
        }
      };

  private static final Map<String, EventType> BY_NAME = new HashMap<>();

  static {
    for (Class<?> type : EngineEvent.class.getPermittedSubclasses()) {
      BY_NAME.put(type.getSimpleName(), TYPES.get(type));
    }
  }

  private CompactEventFormat() {}

  static byte[] encode(EventBatch batch, ObjectMapper json) {
    Output out = OUTPUT.get();
    out.reset();
    try {
      out.put(TAG);
      out.putVarLong(zigzag(batch.timestamp()));
      List<EngineEvent> events = batch.events();
      out.putVarInt(events.size());
      EventType[] written = new EventType[8];
      int writtenCount = 0;
      for (EngineEvent event : events) {
        EventType type = TYPES.get(event.getClass());
        int ref = 0;
        for (int i = 0; i < writtenCount; i++) {
          if (written[i] == type) {
            ref = i + 1;
            break;
          }
        }
        out.putVarInt(ref);
        if (ref == 0) {
          out.putString(type.name);
          if (writtenCount == written.length) {
            written = Arrays.copyOf(written, written.length * 2);
          }
          written[writtenCount++] = type;
        }
        type.write(event, out, json);
      }
      return out.toByteArray();
    } finally {
      out.release();
    }
  }

  static EventBatch decode(byte[] bytes, ObjectMapper json) {
    Input in = new Input(bytes);
    try {
      if (in.get() != TAG) {
        throw new IOException("not a compact entry");
      }
      long timestamp = unzigzag(in.getVarLong());
      int count = in.getVarInt();
      List<EngineEvent> events = new ArrayList<>(count);
      List<EventType> seen = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int ref = in.getVarInt();
        EventType type;
        if (ref == 0) {
          String name = in.getString();
          type = BY_NAME.get(name);
          if (type == null) {
            throw new IOException("unknown event type '" + name + "'");
          }
          seen.add(type);
        } else if (ref <= seen.size()) {
          type = seen.get(ref - 1);
        } else {
          throw new IOException("event type reference " + ref + " names no earlier type");
        }
        events.add(type.read(in, json));
      }
      if (in.remaining() != 0) {
        throw new IOException(in.remaining() + " bytes follow the last event");
      }
      return new EventBatch(timestamp, events);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("Expected to decode a batch of events, but " + e.getMessage(), e));
    }
  }

  // ---- event types

  private enum Kind {
    LONG,
    INT,
    BYTES,
    ENUM,
    SET,
    OTHER
  }

  /** An event record's components, with accessors and constructor resolved once. */
  private static final class EventType {
    final String name;
    final Kind[] kinds;
    final Class<?>[] types;
    final MethodHandle[] getters;
    final MethodHandle constructor;

    EventType(Class<?> type) {
      name = type.getSimpleName();
      RecordComponent[] components = type.getRecordComponents();
      kinds = new Kind[components.length];
      types = new Class<?>[components.length];
      getters = new MethodHandle[components.length];
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      try {
        for (int i = 0; i < components.length; i++) {
          Class<?> t = components[i].getType();
          types[i] = t;
          kinds[i] = kindOf(t);
          MethodHandle getter = lookup.unreflect(components[i].getAccessor());
          Class<?> returned = t == long.class || t == int.class ? t : Object.class;
          getters[i] = getter.asType(MethodType.methodType(returned, Object.class));
        }
        constructor =
            lookup
                .unreflectConstructor(type.getDeclaredConstructor(types))
                .asSpreader(Object[].class, components.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Expected to access the event record " + type, e);
      }
    }

    private static Kind kindOf(Class<?> t) {
      if (t == long.class) {
        return Kind.LONG;
      } else if (t == int.class) {
        return Kind.INT;
      } else if (t == byte[].class) {
        return Kind.BYTES;
      } else if (t.isEnum()) {
        return Kind.ENUM;
      } else if (t == Set.class) {
        return Kind.SET;
      } else if (t.isPrimitive() || t.isArray()) {
        throw new IllegalStateException("Expected event components the format knows, but " + t);
      }
      return Kind.OTHER;
    }

    void write(Object event, Output out, ObjectMapper json) {
      out.putVarInt(kinds.length);
      try {
        for (int i = 0; i < kinds.length; i++) {
          switch (kinds[i]) {
            case LONG -> {
              out.put(LONG);
              out.putVarLong(zigzag((long) getters[i].invokeExact(event)));
            }
            case INT -> {
              out.put(LONG);
              out.putVarLong(zigzag((int) getters[i].invokeExact(event)));
            }
            case BYTES -> {
              byte[] bytes = (byte[]) (Object) getters[i].invokeExact(event);
              if (bytes == null) {
                out.put(NULL);
              } else {
                out.put(BYTES);
                out.putVarInt(bytes.length);
                out.put(bytes, 0, bytes.length);
              }
            }
            case ENUM -> {
              Enum<?> value = (Enum<?>) (Object) getters[i].invokeExact(event);
              if (value == null) {
                out.put(NULL);
              } else {
                out.put(STRING);
                out.putString(value.name());
              }
            }
            case SET, OTHER -> writeValue((Object) getters[i].invokeExact(event), out, json);
          }
        }
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("Expected to read the components of " + name, e);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    EngineEvent read(Input in, ObjectMapper json) throws IOException {
      int count = in.getVarInt();
      Object[] args = new Object[kinds.length];
      for (int i = 0; i < count; i++) {
        Object value = readValue(in, json);
        if (i >= kinds.length) {
          continue; // a component appended by a later version: this one does not know it
        }
        args[i] =
            switch (kinds[i]) {
              case LONG -> value == null ? 0L : (Long) value;
              case INT -> value == null ? 0 : Math.toIntExact((Long) value);
              case ENUM -> value == null ? null : Enum.valueOf((Class) types[i], (String) value);
              case SET -> value == null ? null : new LinkedHashSet<>((Collection<?>) value);
              case BYTES, OTHER -> value;
            };
      }
      for (int i = count; i < kinds.length; i++) {
        args[i] = kinds[i] == Kind.LONG ? (Object) 0L : kinds[i] == Kind.INT ? (Object) 0 : null;
      }
      try {
        return (EngineEvent) (Object) constructor.invokeExact(args);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IOException("cannot construct " + name + ": " + e, e);
      }
    }
  }

  // ---- values

  private static void writeValue(Object value, Output out, ObjectMapper json) {
    switch (value) {
      case null -> out.put(NULL);
      case String s -> {
        out.put(STRING);
        out.putString(s);
      }
      case Long l -> {
        out.put(LONG);
        out.putVarLong(zigzag(l));
      }
      case Integer n -> {
        out.put(LONG);
        out.putVarLong(zigzag(n));
      }
      case Short n -> {
        out.put(LONG);
        out.putVarLong(zigzag(n));
      }
      case Byte n -> {
        out.put(LONG);
        out.putVarLong(zigzag(n));
      }
      case Boolean b -> out.put(b ? TRUE : FALSE);
      case Double d when Double.isFinite(d) -> {
        out.put(DOUBLE);
        out.putLong(Double.doubleToRawLongBits(d));
      }
      case Map<?, ?> map -> writeMap(map, out, json);
      case Collection<?> list -> {
        out.put(LIST);
        out.putVarInt(list.size());
        for (Object item : list) {
          writeValue(item, out, json);
        }
      }
      default -> writeJson(value, out, json);
    }
  }

  private static void writeMap(Map<?, ?> map, Output out, ObjectMapper json) {
    int start = out.position();
    out.put(MAP);
    out.putVarInt(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        // JSON wrote such keys as text: leave it to Jackson, as before
        out.rewind(start);
        writeJson(map, out, json);
        return;
      }
      out.putString(key);
      writeValue(entry.getValue(), out, json);
    }
  }

  private static void writeJson(Object value, Output out, ObjectMapper json) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected to encode a " + value.getClass().getName() + " value, but " + e.getMessage(),
          e);
    }
    out.put(JSON);
    out.putVarInt(bytes.length);
    out.put(bytes, 0, bytes.length);
  }

  private static Object readValue(Input in, ObjectMapper json) throws IOException {
    byte tag = in.get();
    return switch (tag) {
      case NULL -> null;
      case LONG -> unzigzag(in.getVarLong());
      case STRING -> in.getString();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case DOUBLE -> Double.longBitsToDouble(in.getLong());
      case BYTES -> in.getBytes(in.getVarInt());
      case MAP -> {
        int size = in.getVarInt();
        Map<String, Object> map = LinkedHashMap.newLinkedHashMap(size);
        for (int i = 0; i < size; i++) {
          String key = in.getString();
          map.put(key, readValue(in, json));
        }
        yield map;
      }
      case LIST -> {
        int size = in.getVarInt();
        List<Object> list = new ArrayList<>(Math.min(size, in.remaining()));
        for (int i = 0; i < size; i++) {
          list.add(readValue(in, json));
        }
        yield list;
      }
      case JSON -> json.readValue(in.getBytes(in.getVarInt()), Object.class);
      default -> throw new IOException("unknown value tag " + tag);
    };
  }

  private static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  private static long unzigzag(long value) {
    return (value >>> 1) ^ -(value & 1);
  }

  // ---- bytes

  private static final class Output {
    private byte[] bytes = new byte[1024];
    private int position;

    void reset() {
      position = 0;
    }

    void release() {
      if (bytes.length > KEPT_BUFFER_BYTES) {
        bytes = new byte[1024];
      }
    }

    int position() {
      return position;
    }

    void rewind(int to) {
      position = to;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, position);
    }

    private void ensure(int more) {
      if (bytes.length - position < more) {
        long wanted = Math.max((long) bytes.length * 2, (long) position + more);
        // past the array limit Arrays.copyOf throws, which the caller reports as "too large"
        bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 16));
        if (bytes.length - position < more) {
          throw new IllegalStateException("Expected the entry to fit in an array, but it does not");
        }
      }
    }

    void put(byte b) {
      ensure(1);
      bytes[position++] = b;
    }

    void put(byte[] source, int offset, int length) {
      ensure(length);
      System.arraycopy(source, offset, bytes, position, length);
      position += length;
    }

    void putLong(long value) {
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        bytes[position++] = (byte) (value >>> shift);
      }
    }

    void putVarInt(int value) {
      putVarLong(value & 0xFFFFFFFFL);
    }

    void putVarLong(long value) {
      ensure(10);
      while ((value & ~0x7FL) != 0) {
        bytes[position++] = (byte) ((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      bytes[position++] = (byte) value;
    }

    void putString(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      putVarInt(utf8.length);
      put(utf8, 0, utf8.length);
    }
  }

  private static final class Input {
    private final byte[] bytes;
    private int position;

    Input(byte[] bytes) {
      this.bytes = bytes;
    }

    int remaining() {
      return bytes.length - position;
    }

    private void need(int n) throws IOException {
      if (n < 0 || bytes.length - position < n) {
        throw new IOException("the entry ends early (" + n + " more bytes expected)");
      }
    }

    byte get() throws IOException {
      need(1);
      return bytes[position++];
    }

    long getLong() throws IOException {
      need(8);
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (bytes[position++] & 0xFF);
      }
      return value;
    }

    int getVarInt() throws IOException {
      long value = getVarLong();
      if (value < 0 || value > Integer.MAX_VALUE) {
        throw new IOException("a length or count of " + value + " is out of range");
      }
      return (int) value;
    }

    long getVarLong() throws IOException {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = get();
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IOException("a variable-length number is longer than 10 bytes");
    }

    byte[] getBytes(int n) throws IOException {
      need(n);
      byte[] copy = Arrays.copyOfRange(bytes, position, position + n);
      position += n;
      return copy;
    }

    String getString() throws IOException {
      int n = getVarInt();
      need(n);
      String s = new String(bytes, position, n, StandardCharsets.UTF_8);
      position += n;
      return s;
    }
  }
}
