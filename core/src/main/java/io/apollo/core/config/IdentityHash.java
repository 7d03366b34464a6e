package io.apollo.core.config;

/**
 * A hash for two-part identities ({@code environment/name}, {@code group:artifact}). The record default,
 * {@code 31 * a + b}, makes fleets of ids like {@code staging-03/svc-17} collide in dense clusters (10,000 ids gave
 * 2,080 distinct hashes), and the open-addressing tables behind {@code Map.copyOf} then probe through whole
 * clusters: planning a large fleet went quadratic. Spreading the first part by a large odd multiplier and finishing
 * with Murmur3's mixer keeps such ids apart.
 */
final class IdentityHash {
  private IdentityHash() {}

  static int of(String first, String second) {
    int h = first.hashCode() * 0x9E3779B9 + second.hashCode();
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
