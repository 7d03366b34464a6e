package io.apollo.spoke.operator.helm;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A Kubernetes API that the real helm binary can install into: fabric8's {@code kubernetes-server-mock} in CRUD
 * mode, behind a thin adapter, on loopback, with a kubeconfig pointing at it. The mock alone does not serve helm;
 * the adapter fills exactly these gaps (found by running helm 3.17 and 4.1 against it):
 * <ol>
 *   <li>Discovery: the mock answers {@code /api}, {@code /apis}, {@code /api/v1} and {@code /version} with an empty
 *       List, so helm finds no ConfigMap kind ("no matches for kind"); the adapter serves real discovery documents
 *       for the core kinds the test charts use.</li>
 *   <li>Content type: the mock sets none, and client-go then decodes answers as protobuf; the adapter says JSON.</li>
 *   <li>helm stores releases as Secrets sent as protobuf ({@code application/vnd.kubernetes.protobuf}), which the
 *       mock cannot read; the adapter turns them into JSON ({@link SecretProtobuf}).</li>
 *   <li>Lists come back as {@code kind: List}; client-go's typed list then holds no items and helm finds no
 *       release; the adapter names them {@code SecretList} / {@code ConfigMapList}.</li>
 *   <li>The mock refuses {@code application/strategic-merge-patch+json} (415); for ConfigMaps a JSON merge patch
 *       is the same change, so the adapter sends it as one.</li>
 *   <li>The mock serves no OpenAPI document: helm needs {@code --disable-openapi-validation} (given to the
 *       operator as an extra deploy flag).</li>
 * </ol>
 * helm 4 still fails here: it applies server-side ({@code application/apply-patch+yaml} on an object that does not
 * exist yet, which the mock answers 404) and waits with a watch the mock does not stream. So end-to-end runs use
 * helm 3.17.
 */
final class KubernetesApiForHelm implements AutoCloseable {
  private static final String API_VERSIONS = """
      {"kind":"APIVersions","versions":["v1"],
       "serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""";
  private static final String API_GROUPS = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}";
  private static final String VERSION = """
      {"major":"1","minor":"33","gitVersion":"v1.33.0","platform":"linux/amd64"}""";
  private static final String CORE_RESOURCES = "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\","
      + "\"resources\":[" + resource("configmaps", "ConfigMap", true) + "," + resource("secrets", "Secret", true)
      + "," + resource("services", "Service", true) + "," + resource("namespaces", "Namespace", false) + "]}";
  private static final Map<String, String> LIST_KINDS = Map.of("/secrets", "SecretList", "/configmaps",
      "ConfigMapList");

  private final KubernetesMockServer server;
  private final Path kubeconfig;

  private KubernetesApiForHelm(KubernetesMockServer server, Path kubeconfig) {
    this.server = server;
    this.kubeconfig = kubeconfig;
  }

  /** Starts the API on a free loopback port and writes its kubeconfig in {@code dir}. */
  static KubernetesApiForHelm start(Path dir) throws IOException {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new Adapter(new KubernetesCrudDispatcher()), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: http://127.0.0.1:%d
        contexts:
        - name: mock
          context: {cluster: mock, user: mock, namespace: default}
        current-context: mock
        users:
        - name: mock
          user: {token: not-a-real-token}
        """.formatted(server.getPort()));
    return new KubernetesApiForHelm(server, kubeconfig);
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** The object at {@code path} (for example {@code /api/v1/namespaces/default/configmaps/x}) as JSON, or 404. */
  String get(String path) throws IOException, InterruptedException {
    var client = java.net.http.HttpClient.newHttpClient();
    var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? response.body() : "404";
  }

  @Override
  public void close() {
    server.destroy();
  }

  private static String resource(String plural, String kind, boolean namespaced) {
    return "{\"name\":\"" + plural + "\",\"singularName\":\"\",\"namespaced\":" + namespaced + ",\"kind\":\"" + kind
        + "\",\"verbs\":[\"create\",\"delete\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]}";
  }

  /** The adapter between helm and the CRUD mock (see the class documentation). */
  private static final class Adapter extends Dispatcher {
    private final KubernetesCrudDispatcher crud;

    Adapter(KubernetesCrudDispatcher crud) {
      this.crud = crud;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath().replaceFirst("\\?.*$", "");
      MockResponse response = switch (path) {
        case "/api" -> json(API_VERSIONS);
        case "/apis" -> json(API_GROUPS);
        case "/api/v1" -> json(CORE_RESOURCES);
        case "/version" -> json(VERSION);
        default -> path.startsWith("/openapi") ? new MockResponse().setResponseCode(404).setBody("{}")
            : crud.dispatch(readable(request));
      };
      response.setHeader("Content-Type", "application/json");
      if (request.getMethod().equals("GET") && response.code() == 200) {
        LIST_KINDS.forEach((suffix, kind) -> {
          if (path.endsWith(suffix)) {
            response.setBody(response.getBody().readUtf8()
                .replaceFirst("\"kind\":\"List\"", "\"kind\":\"" + kind + "\""));
          }
        });
      }
      return response;
    }

    private static MockResponse json(String body) {
      return new MockResponse().setResponseCode(200).setBody(body);
    }

    /** The request with a body the mock can read: protobuf Secrets as JSON, strategic merge as merge patch. */
    private static RecordedRequest readable(RecordedRequest request) {
      String type = request.getHeader("Content-Type");
      if (type == null) {
        return request;
      }
      byte[] body = request.getBody().readByteArray();
      String newType = type;
      if (type.startsWith("application/vnd.kubernetes.protobuf") && SecretProtobuf.isProtobuf(body)) {
        body = SecretProtobuf.toJson(body).getBytes(StandardCharsets.UTF_8);
        newType = "application/json";
      } else if (type.startsWith("application/strategic-merge-patch+json")) {
        newType = "application/merge-patch+json";
      }
      return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
          request.getHeaders().newBuilder().set("Content-Type", newType).build(), new Buffer(body));
    }
  }
}
