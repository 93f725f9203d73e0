package dev.profilekit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of CBOR (RFC 8949) WebAuthn uses, read and written: the attestation object and the
 * COSE public key of a passkey registration are CBOR. Unsigned and negative integers ({@code
 * Long}), byte strings ({@code byte[]}), text ({@code String}), arrays ({@code List}), maps
 * ({@code Map}, insertion order), {@code true}, {@code false} and {@code null}; no floats, tags or
 * indefinite lengths (WebAuthn's CTAP2 canonical form has none). sdk-api depends on no CBOR
 * library, and these values are small.
 *
 * <p>Strict, as {@link JsonText} is: a repeated map key, a truncated item or nesting deeper than
 * {@value #MAX_DEPTH} is refused with an {@link IllegalArgumentException} that never quotes the
 * input.
 */
public final class Cbor {

  /** Deepest nesting accepted; an attestation object nests three levels. */
  public static final int MAX_DEPTH = 16;

  private final byte[] data;
  private int pos;

  private Cbor(byte[] data, int offset) {
    this.data = data;
    this.pos = offset;
  }

  /**
   * Reads one CBOR item that is the whole input.
   *
   * @param data the encoded item
   * @return the value
   * @throws IllegalArgumentException if the input is not exactly one supported item
   */
  public static Object decode(byte[] data) {
    Cbor reader = new Cbor(data, 0);
    Object value = reader.item(0);
    if (reader.pos != data.length) {
      throw new IllegalArgumentException("CBOR: data after the item");
    }
    return value;
  }

  /**
   * Reads one CBOR item that starts at {@code offset} and may be followed by more data (the COSE
   * key inside authenticator data is followed by extensions).
   *
   * @param data the bytes
   * @param offset where the item starts
   * @return the value and where it ends
   * @throws IllegalArgumentException if no supported item starts there
   */
  public static Item decodePrefix(byte[] data, int offset) {
    Cbor reader = new Cbor(data, offset);
    Object value = reader.item(0);
    return new Item(value, reader.pos);
  }

  /**
   * An item read from the front of longer data.
   *
   * @param value the value
   * @param end the offset just after it
   */
  public record Item(Object value, int end) {}

  /**
   * Writes a value in CTAP2's canonical form as far as these values need it: shortest lengths,
   * map entries in the order given (callers give them in canonical order).
   *
   * @param value a {@code Long}, {@code Integer}, {@code byte[]}, {@code String}, {@code List},
   *     {@code Map}, {@code Boolean} or null
   * @return the encoding
   */
  public static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, value);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, Object value) {
    if (value == null) {
      out.write(0xf6);
    } else if (value instanceof Boolean flag) {
      out.write(flag ? 0xf5 : 0xf4);
    } else if (value instanceof Integer || value instanceof Long) {
      long number = ((Number) value).longValue();
      if (number >= 0) {
        head(out, 0, number);
      } else {
        head(out, 1, -1 - number);
      }
    } else if (value instanceof byte[] bytes) {
      head(out, 2, bytes.length);
      out.writeBytes(bytes);
    } else if (value instanceof String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      head(out, 3, bytes.length);
      out.writeBytes(bytes);
    } else if (value instanceof List<?> list) {
      head(out, 4, list.size());
      list.forEach(element -> write(out, element));
    } else if (value instanceof Map<?, ?> map) {
      head(out, 5, map.size());
      map.forEach((key, element) -> {
        write(out, key);
        write(out, element);
      });
    } else {
      throw new IllegalArgumentException("CBOR: cannot write a " + value.getClass().getSimpleName());
    }
  }

  private static void head(ByteArrayOutputStream out, int major, long argument) {
    int type = major << 5;
    if (argument < 24) {
      out.write(type | (int) argument);
    } else if (argument < 0x100) {
      out.write(type | 24);
      out.write((int) argument);
    } else if (argument < 0x10000) {
      out.write(type | 25);
      out.write((int) (argument >> 8));
      out.write((int) argument);
    } else if (argument < 0x100000000L) {
      out.write(type | 26);
      for (int shift = 24; shift >= 0; shift -= 8) {
        out.write((int) (argument >> shift));
      }
    } else {
      out.write(type | 27);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (argument >> shift));
      }
    }
  }

  private Object item(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("CBOR: nested too deeply");
    }
    int initial = next();
    int major = initial >> 5;
    int info = initial & 0x1f;
    if (major == 7) {
      switch (info) {
        case 20:
          return Boolean.FALSE;
        case 21:
          return Boolean.TRUE;
        case 22:
          return null;
        default:
          throw new IllegalArgumentException("CBOR: unsupported simple value or float");
      }
    }
    long argument = argument(info);
    switch (major) {
      case 0:
        return argument;
      case 1:
        return -1 - argument;
      case 2:
        return bytes(argument);
      case 3:
        return text(bytes(argument));
      case 4: {
        List<Object> list = new ArrayList<>();
        for (long i = 0; i < argument; i++) {
          list.add(item(depth + 1));
        }
        return list;
      }
      case 5: {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < argument; i++) {
          Object key = item(depth + 1);
          if (key instanceof byte[] || key instanceof List || key instanceof Map) {
            throw new IllegalArgumentException("CBOR: unsupported map key");
          }
          if (map.containsKey(key)) {
            throw new IllegalArgumentException("CBOR: a map key is repeated");
          }
          map.put(key, item(depth + 1));
        }
        return map;
      }
      default:
        throw new IllegalArgumentException("CBOR: tags are not supported");
    }
  }

  private long argument(int info) {
    if (info < 24) {
      return info;
    }
    int length;
    switch (info) {
      case 24:
        length = 1;
        break;
      case 25:
        length = 2;
        break;
      case 26:
        length = 4;
        break;
      case 27:
        length = 8;
        break;
      default:
        throw new IllegalArgumentException("CBOR: indefinite or reserved lengths are not supported");
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      value = (value << 8) | next();
    }
    if (value < 0) {
      throw new IllegalArgumentException("CBOR: an integer is too large");
    }
    return value;
  }

  private byte[] bytes(long length) {
    if (length > data.length - pos) {
      throw new IllegalArgumentException("CBOR: truncated");
    }
    byte[] out = new byte[(int) length];
    System.arraycopy(data, pos, out, 0, out.length);
    pos += out.length;
    return out;
  }

  private static String text(byte[] utf8) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("CBOR: text is not UTF-8");
    }
  }

  private int next() {
    if (pos >= data.length) {
      throw new IllegalArgumentException("CBOR: truncated");
    }
    return data[pos++] & 0xff;
  }
}
