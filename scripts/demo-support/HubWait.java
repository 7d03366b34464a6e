import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How scripts/demo checks the hub: polls one GET of the hub's API until its JSON answer meets every condition, so
 * that each step of the demo is judged on the hub's own state, not on printed text. One process per step, polling
 * in-process (a JVM per poll would compete with the hub and spokes on a small machine). Compiled by scripts/demo
 * against apollo.jar, whose Jackson it uses.
 *
 * <pre>
 *   HubWait HUB PATH TIMEOUT_SECONDS [--each /plans] [--print /id]... CONDITION... poll until met
 *   HubWait HUB PATH --save FILE                                                   save one answer
 * </pre>
 *
 * A CONDITION is {@code /json/pointer=value} (the text of the node equals value) or {@code /json/pointer!=value}.
 * With {@code --each /plans}, the conditions apply to the elements of that array and one element meeting all of them
 * is enough. Each {@code --print /id} prints that field, one line each, of the document (or element) that met them. Exit 0 when met; 1
 * when the time ran out, with the last answer on stderr; 2 on a usage error.
 */
public final class HubWait {
  private record Condition(String pointer, String value, boolean equal) {
    boolean holds(JsonNode node) {
      JsonNode at = node.at(pointer);
      String text = at.isMissingNode() || at.isNull() ? "" : at.isValueNode() ? at.asString() : at.toString();
      return text.equals(value) == equal;
    }

    @Override
    public String toString() {
      return pointer + (equal ? "=" : "!=") + value;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      usage();
    }
    URI uri = URI.create(args[0].replaceAll("/+$", "") + args[1]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    JsonMapper json = JsonMapper.builder().build();
    if (args[2].equals("--save")) {
      if (args.length != 4) {
        usage();
      }
      Files.writeString(Path.of(args[3]), get(http, uri));
      return;
    }
    Duration timeout = Duration.ofSeconds(Long.parseLong(args[2]));
    String each = null;
    List<String> print = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      switch (args[i]) {
        case "--each" -> each = args[++i];
        case "--print" -> print.add(args[++i]);
        default -> conditions.add(parse(args[i]));
      }
    }
    Instant deadline = Instant.now().plus(timeout);
    String last = "(no answer yet)";
    while (true) {
      try {
        last = get(http, uri);
        JsonNode met = firstMeeting(json.readTree(last), each, conditions);
        if (met != null) {
          for (String field : print) {
            JsonNode value = met.at(field);
            System.out.println(value.isValueNode() ? value.asString() : value.toString());
          }
          return;
        }
      } catch (IOException e) {
        last = "(" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
      }
      if (Instant.now().isAfter(deadline)) {
        String shown = last.length() > 4000 ? last.substring(0, 4000) + "..." : last;
        System.err.println("not met within " + timeout.toSeconds() + "s: " + conditions + " on GET " + uri
            + (each == null ? "" : " (some element of " + each + ")") + "\nlast answer: " + shown);
        System.exit(1);
      }
      Thread.sleep(500);
    }
  }

  private static JsonNode firstMeeting(JsonNode doc, String each, List<Condition> conditions) {
    List<JsonNode> candidates = new ArrayList<>();
    if (each == null) {
      candidates.add(doc);
    } else {
      doc.at(each).forEach(candidates::add);
    }
    for (JsonNode candidate : candidates) {
      if (conditions.stream().allMatch(c -> c.holds(candidate))) {
        return candidate;
      }
    }
    return null;
  }

  private static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static Condition parse(String text) {
    int ne = text.indexOf("!=");
    if (ne > 0) {
      return new Condition(text.substring(0, ne), text.substring(ne + 2), false);
    }
    int eq = text.indexOf('=');
    if (eq <= 0 || !text.startsWith("/")) {
      usage();
    }
    return new Condition(text.substring(0, eq), text.substring(eq + 1), true);
  }

  private static void usage() {
    System.err.println("usage: HubWait HUB PATH TIMEOUT_SECONDS [--each /array] [--print /field] /pointer=value...\n"
        + "       HubWait HUB PATH --save FILE");
    System.exit(2);
  }
}
