package io.apollo.reconciler.reportload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the load generator reports: each spoke with its token and its entities (id, product, the version desired
 * state wants, so that a report asks for no new plan). One spoke a line in a file: {@code spoke token
 * entity,product,version;entity,product,version;...}.
 */
record FleetPlan(List<Spoke> spokes) {
  FleetPlan {
    spokes = List.copyOf(spokes);
  }

  /** One spoke, its bearer token and the entities desired state places on it. */
  record Spoke(String name, String token, List<Entity> entities) {
    Spoke {
      entities = List.copyOf(entities);
    }
  }

  /** One entity as its spoke reports it. */
  record Entity(String id, String product, String version) {}

  void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Spoke s : spokes) {
      List<String> entities = new ArrayList<>();
      s.entities().forEach(e -> entities.add(e.id() + "," + e.product() + "," + e.version()));
      lines.add(s.name() + " " + s.token() + " " + String.join(";", entities));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static FleetPlan read(Path file) throws IOException {
    List<Spoke> spokes = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.split(" ", 3);
      List<Entity> entities = new ArrayList<>();
      if (parts.length == 3 && !parts[2].isBlank()) {
        for (String e : parts[2].split(";")) {
          String[] f = e.split(",", 3);
          entities.add(new Entity(f[0], f[1], f[2]));
        }
      }
      spokes.add(new Spoke(parts[0], parts[1], entities));
    }
    return new FleetPlan(spokes);
  }

  /**
   * The report of {@code spoke} made at {@code at}. {@code variant} picks the health of its entities (even:
   * HEALTHY, odd: UNKNOWN), so that two reports of different variants mean different things and two of the same
   * variant differ only in their times, which the hub treats as a repeat.
   */
  static String report(Spoke spoke, String at, int variant) {
    String health = variant % 2 == 0 ? "HEALTHY" : "UNKNOWN";
    StringBuilder json = new StringBuilder(200 + 260 * spoke.entities().size());
    json.append("{\"spoke\":\"").append(spoke.name()).append("\",\"reportedAt\":\"").append(at)
        .append("\",\"entities\":[");
    for (int i = 0; i < spoke.entities().size(); i++) {
      Entity e = spoke.entities().get(i);
      json.append(i == 0 ? "" : ",").append("{\"entity\":\"").append(e.id()).append("\",\"product\":\"")
          .append(e.product()).append('"');
      if (!e.version().equals("-")) {
        json.append(",\"version\":\"").append(e.version()).append('"');
      }
      json.append(",\"state\":\"RUNNING\",\"health\":\"").append(health)
          .append("\",\"configDigest\":null,\"observedAt\":\"").append(at).append("\"}");
    }
    return json.append("]}").toString();
  }
}
