package dev.obsidian.node.cli;

import dev.obsidian.node.rpc.RpcClient;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian status}: a running node's heights, mempool size and tree roots, over JSON-RPC. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show a running node's latest, proven and published block numbers, its mempool size and the five tree "
          + "roots after the latest block (read with one JSON-RPC batch)."
    })
final class StatusCommand implements Callable<Integer> {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080/",
      description = "JSON-RPC URL of the node (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() {
    NodeStatus status;
    try {
      status = NodeStatus.fetch(new RpcClient(parse(url), TIMEOUT));
    } catch (UncheckedIOException e) {
      throw new UserInputException("--url " + url + ": cannot read the node's status: "
          + describe(e.getCause()) + " (is `obsidian sandbox` running there?)", e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? status.toJson() + "\n" : status.toText());
    out.flush();
    return 0;
  }

  private static URI parse(String text) {
    try {
      URI uri = URI.create(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL with a host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--url '" + text + "': " + e.getMessage()
          + "; expected e.g. http://127.0.0.1:8080/");
    }
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
