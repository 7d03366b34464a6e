package io.apollo.core.load;

import io.apollo.core.config.Approval;
import io.apollo.core.config.Artifact;
import io.apollo.core.config.Criticality;
import io.apollo.core.config.Environment;
import io.apollo.core.config.EntityId;
import io.apollo.core.config.Member;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.PlanDocument;
import io.apollo.core.config.Presence;
import io.apollo.core.config.Product;
import io.apollo.core.config.ProductId;
import io.apollo.core.config.ProductType;
import io.apollo.core.config.Recall;
import io.apollo.core.config.Role;
import io.apollo.core.config.SshPublicKey;
import io.apollo.core.config.SpokeRef;
import io.apollo.core.config.PlanType;
import io.apollo.core.version.Channel;
import io.apollo.core.version.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps schema-valid documents of the simple kinds to records. Returns empty (with problems recorded by the reader)
 * when a value the schema cannot judge does not parse. Releases, constraints and policies have their own mappers.
 */
final class DocumentMapper {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DocumentMapper() {}

  static Optional<Product> product(DocumentReader r) {
    Metadata metadata = r.metadata();
    Optional<ProductId> id = r.productId("/metadata/name");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Criticality criticality = r.string("/spec/criticality").flatMap(Criticality::fromWireName).orElse(Criticality.MEDIUM);
    // sls-service is the default: the operator every spoke embeds (DESIGN.md section 6).
    ProductType type = r.string("/spec/type").flatMap(ProductType::fromWireName).orElse(ProductType.SLS_SERVICE);
    return Optional.of(new Product(metadata, id.get(), r.string("/spec/displayName").orElse(null), criticality, type,
        r.origin()));
  }

  static Optional<Environment> environment(DocumentReader r) {
    List<SpokeRef> spokes = new ArrayList<>();
    boolean ok = true;
    JsonNode list = r.node("/spec/spokes");
    for (int i = 0; i < list.size(); i++) {
      String base = "/spec/spokes/" + i;
      Optional<URI> url = Optional.empty();
      Optional<String> text = r.string(base + "/url");
      if (text.isPresent()) {
        url = parseUrl(text.get());
        if (url.isEmpty()) {
          r.problem(base + "/url", ProblemReason.INVALID_VALUE, DocumentReader.dotted(base + "/url") + ": '"
              + text.get() + "' is not an http(s) URL (e.g. http://10.0.0.5:8181); omit url for a spoke that polls");
          ok = false;
        }
      }
      spokes.add(new SpokeRef(r.string(base + "/name").orElseThrow(), url));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < spokes.size(); i++) {
      if (!seen.add(spokes.get(i).name())) {
        r.problem("/spec/spokes/" + i + "/name", ProblemReason.DUPLICATE,
            "spoke '" + spokes.get(i).name() + "' is listed twice in this environment");
        ok = false;
      }
    }
    return ok ? Optional.of(new Environment(r.metadata(), spokes, r.origin())) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static Optional<EntityDraft> entity(DocumentReader r) {
    Metadata metadata = r.metadata();
    String environment = r.string("/spec/environment").orElseThrow();
    Optional<ProductId> product = r.productId("/spec/product");
    Optional<Version> version = r.version("/spec/version");
    if (product.isEmpty() || (r.has("/spec/version") && version.isEmpty())) {
      return Optional.empty();
    }
    Optional<Channel> channel = r.string("/spec/channel").flatMap(Channel::fromWireName);
    JsonNode configNode = r.node("/spec/config");
    Map<String, Object> config = configNode.isObject() ? JSON.treeToValue(configNode, Map.class) : Map.of();
    Presence state = r.string("/spec/state").flatMap(Presence::fromWireName).orElse(Presence.PRESENT);
    Optional<io.apollo.core.config.Canary> canary = Optional.empty();
    if (r.has("/spec/canary")) {
      canary = ConstraintMapper.canary(r);
      if (canary.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(new EntityDraft(metadata, new EntityId(environment, metadata.name()), product.get(),
        r.string("/spec/spoke"), version, channel, config, state, canary));
  }

  static Optional<Role> role(DocumentReader r) {
    List<Member> members = new ArrayList<>();
    JsonNode list = r.node("/spec/members");
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      List<String> keys = r.strings("/spec/members/" + i + "/signingKeys");
      for (int k = 0; k < keys.size(); k++) {
        if (SshPublicKey.parse(keys.get(k)) instanceof SshPublicKey.Malformed bad) {
          String pointer = "/spec/members/" + i + "/signingKeys/" + k;
          r.problem(pointer, ProblemReason.INVALID_VALUE, DocumentReader.dotted(pointer) + ": " + bad.why()
              + " (the role grants nothing until this is fixed)");
          ok = false;
        }
      }
      members.add(new Member(r.string("/spec/members/" + i + "/email").orElseThrow(), keys));
    }
    return ok ? Optional.of(new Role(r.metadata(), members, r.origin())) : Optional.empty();
  }

  /** A {@code ReleaseHold}: product and version must parse; {@code canary} is an entity id when given. */
  static Optional<io.apollo.core.config.ReleaseHold> hold(DocumentReader r) {
    Optional<ProductId> product = r.productId("/spec/product");
    Optional<Version> version = r.version("/spec/version");
    Optional<EntityId> canary = Optional.empty();
    if (r.has("/spec/canary")) {
      canary = r.string("/spec/canary").flatMap(EntityId::tryParse);
      if (canary.isEmpty()) {
        r.problem("/spec/canary", ProblemReason.INVALID_VALUE, "spec.canary: expected environment/name");
        return Optional.empty();
      }
    }
    if (product.isEmpty() || version.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new io.apollo.core.config.ReleaseHold(r.metadata(), product.get(), version.get(),
        new java.util.LinkedHashSet<>(r.strings("/spec/environments")), r.string("/spec/reason").orElse(""), canary,
        r.origin()));
  }

  static Optional<PlanDocument> plan(DocumentReader r) {
    Optional<EntityId> entity = r.string("/spec/entity").flatMap(EntityId::tryParse);
    if (entity.isEmpty()) {
      r.problem("/spec/entity", ProblemReason.INVALID_VALUE, "spec.entity: expected environment/name");
      return Optional.empty();
    }
    PlanType type = r.string("/spec/type").flatMap(PlanType::fromWireName).orElseThrow();
    Optional<Version> from = r.version("/spec/fromVersion");
    Optional<Version> to = r.version("/spec/toVersion");
    List<String> violations = new ArrayList<>();
    JsonNode verdicts = r.node("/spec/violations");
    for (int i = 0; i < verdicts.size(); i++) {
      JsonNode v = verdicts.get(i);
      violations.add(v.path("constraint").asString("?") + " (" + v.path("kind").asString("?") + "): "
          + v.path("message").asString(""));
    }
    List<Approval> approvals = new ArrayList<>();
    JsonNode list = r.node("/spec/approvals");
    for (int i = 0; i < list.size(); i++) {
      String base = "/spec/approvals/" + i;
      Optional<Instant> at = r.string(base + "/at").flatMap(text -> instant(r, base + "/at", text));
      approvals.add(new Approval(r.string(base + "/by").orElseThrow(), r.string(base + "/role"), at));
    }
    return Optional.of(new PlanDocument(r.metadata(), entity.get(), type, from, to,
        r.string("/spec/configDigest").orElse(""), new LinkedHashSet<>(r.strings("/spec/requiredRoles")), violations,
        r.string("/spec/computedFrom"), approvals, r.origin()));
  }

  static Optional<Instant> instant(DocumentReader r, String pointer, String text) {
    try {
      return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      r.problem(pointer, ProblemReason.INVALID_VALUE,
          DocumentReader.dotted(pointer) + ": '" + text + "' is not an RFC 3339 instant (e.g. 2026-12-20T00:00:00Z)");
      return Optional.empty();
    }
  }

  static Optional<URI> parseUrl(String text) {
    try {
      URI uri = new URI(text);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static Set<Channel> channels(List<String> names) {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    names.forEach(n -> Channel.fromWireName(n).ifPresent(channels::add));
    return channels;
  }

  static Optional<Recall> recall(DocumentReader r) {
    return r.has("/spec/recalled")
        ? Optional.of(new Recall(r.string("/spec/recalled/reason").orElse("recalled")))
        : Optional.empty();
  }

  static Optional<Artifact> artifact(DocumentReader r) {
    return r.string("/spec/artifact/uri")
        .map(uri -> new Artifact(uri, r.string("/spec/artifact/sha256"), r.string("/spec/artifact/chartVersion")));
  }
}
