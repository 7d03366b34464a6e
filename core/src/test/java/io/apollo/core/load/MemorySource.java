package io.apollo.core.load;

import io.apollo.core.ApolloException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A content-addressed tree of blobs in memory, as the hub's reader of a git commit will be: the blob id is a hash of
 * the content. Counts reads, so tests can see what a cache saved.
 */
final class MemorySource implements ConfigSource {
  private final Map<String, byte[]> files = new TreeMap<>();
  final AtomicInteger reads = new AtomicInteger();

  MemorySource put(String path, String content) {
    files.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Replaces {@code from} by {@code to} in a file, which must hold it. */
  MemorySource edit(String path, String from, String to) {
    String text = new String(files.get(path), StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalArgumentException(path + " does not hold '" + from + "'");
    }
    return put(path, text.replace(from, to));
  }

  String text(String path) {
    return new String(files.get(path), StandardCharsets.UTF_8);
  }

  java.util.Set<String> paths() {
    return files.keySet();
  }

  /** A copy of this tree, with its own count of reads. */
  MemorySource copy() {
    MemorySource copy = new MemorySource();
    copy.files.putAll(files);
    return copy;
  }

  MemorySource remove(String path) {
    files.remove(path);
    return this;
  }

  @Override
  public Listing list() {
    List<Entry> entries = new ArrayList<>();
    files.forEach((path, bytes) -> entries.add(new Entry(path, bytes.length, blobId(bytes))));
    return new Listing(entries, List.of());
  }

  @Override
  public byte[] read(Entry entry) {
    reads.incrementAndGet();
    byte[] bytes = files.get(entry.path());
    if (bytes == null) {
      throw new ApolloException(entry.path() + " is gone");
    }
    return bytes.clone();
  }

  private static String blobId(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
