package io.apollo.spoke.operator.helm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the protobuf body of a core/v1 Secret, as client-go sends it when helm stores a release, into the JSON the
 * Kubernetes mock understands. Only what helm's storage writes is read: name, namespace, labels, data, type.
 * (Wire format: {@code k8s\0} + runtime.Unknown{2: raw}; raw = Secret{1: ObjectMeta{1: name, 3: namespace,
 * 11: labels}, 2: data, 3: type}; maps are repeated {1: key, 2: value} entries.)
 */
final class SecretProtobuf {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private SecretProtobuf() {}

  static boolean isProtobuf(byte[] body) {
    return body.length > MAGIC.length && Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  static String toJson(byte[] body) {
    byte[] raw = bytesOf(fields(Arrays.copyOfRange(body, MAGIC.length, body.length)), 2);
    List<Field> secret = fields(raw);
    ObjectNode root = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
    ObjectNode metadata = root.putObject("metadata");
    List<Field> meta = fields(bytesOf(secret, 1));
    putText(metadata, "name", meta, 1);
    putText(metadata, "namespace", meta, 3);
    putText(metadata, "resourceVersion", meta, 6);
    ObjectNode labels = metadata.putObject("labels");
    entries(meta, 11).forEach((k, v) -> labels.put(k, new String(v, StandardCharsets.UTF_8)));
    ObjectNode data = root.putObject("data");
    entries(secret, 2).forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v)));
    putText(root, "type", secret, 3);
    return root.toString();
  }

  private record Field(int number, byte[] bytes) {}

  private static List<Field> fields(byte[] b) {
    List<Field> out = new ArrayList<>();
    int[] pos = {0};
    while (pos[0] < b.length) {
      long key = varint(b, pos);
      int number = (int) (key >>> 3);
      switch ((int) (key & 7)) {
        case 0 -> varint(b, pos);
        case 1 -> pos[0] += 8;
        case 2 -> {
          int length = (int) varint(b, pos);
          out.add(new Field(number, Arrays.copyOfRange(b, pos[0], pos[0] + length)));
          pos[0] += length;
        }
        case 5 -> pos[0] += 4;
        default -> throw new IllegalArgumentException("unsupported protobuf wire type in field " + number);
      }
    }
    return out;
  }

  private static long varint(byte[] b, int[] pos) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      int x = b[pos[0]++] & 0xff;
      value |= (long) (x & 0x7f) << shift;
      if (x < 0x80) {
        return value;
      }
    }
  }

  private static byte[] bytesOf(List<Field> fields, int number) {
    return fields.stream().filter(f -> f.number() == number).map(Field::bytes).findFirst().orElse(new byte[0]);
  }

  private static void putText(ObjectNode node, String name, List<Field> fields, int number) {
    byte[] value = bytesOf(fields, number);
    if (value.length > 0) {
      node.put(name, new String(value, StandardCharsets.UTF_8));
    }
  }

  private static Map<String, byte[]> entries(List<Field> fields, int number) {
    Map<String, byte[]> map = new LinkedHashMap<>();
    for (Field f : fields) {
      if (f.number() == number) {
        List<Field> entry = fields(f.bytes());
        map.put(new String(bytesOf(entry, 1), StandardCharsets.UTF_8), bytesOf(entry, 2));
      }
    }
    return map;
  }
}
