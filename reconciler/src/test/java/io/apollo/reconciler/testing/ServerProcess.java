package io.apollo.reconciler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server program (nginx, fcgiwrap, sshd) run by a test as a child process in the foreground, its output in
 * a log file. {@link #close()} stops it and every process under it (workers, CGI children), forcibly when it does
 * not stop by itself, and a JVM exiting early stops it too: no test leaves a server running.
 */
final class ServerProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;
  private final Thread onExit;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.onExit = new Thread(this::stop, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /** Starts {@code command}, its standard output and error appended to {@code log}. */
  static ServerProcess start(String name, List<String> command, Path log) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new ServerProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + command.getFirst() + ")", e);
    }
  }

  /** A free TCP port on loopback (free now; the server binds it a moment later). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until something accepts connections on {@code port}, or fails naming the log when the server died. */
  void awaitListening(int port, Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited (" + process.exitValue() + ") before listening on " + port
            + ":\n" + logText());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        pause();
      }
    }
    throw new IllegalStateException(name + " did not listen on " + port + " within " + limit + ":\n" + logText());
  }

  /** Waits until {@code file} exists (a unix socket), or fails naming the log. */
  void awaitFile(Path file, Duration limit) {
    Instant deadline = Instant.now().plus(limit);
    while (!Files.exists(file)) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(name + " made no " + file + ":\n" + logText());
      }
      pause();
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException exiting) {
      // the JVM is exiting: the hook runs (or ran) stop() itself
    }
  }

  private void stop() {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : tree) {
      child.destroyForcibly();
    }
    for (ProcessHandle child : tree) {
      child.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> child).join();
    }
  }

  private static void pause() {
    try {
      // Polling a port or a file a server is about to make: there is no event to wait on.
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
