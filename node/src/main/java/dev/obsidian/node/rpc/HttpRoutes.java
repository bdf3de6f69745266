package dev.obsidian.node.rpc;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequestEntity;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;

/**
 * The HTTP surface: JSON-RPC on {@code POST /}, {@code /health} (with {@code /health/live} and
 * {@code /health/ready} for probes that want one answer each) and {@code /metrics} in Prometheus' text
 * format. Anything else gets pekko-http's 404 or 405.
 */
final class HttpRoutes {

  /** How long a readiness check may take before the node is reported not ready. */
  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

  private final ClassicActorSystemProvider system;
  private final JsonRpcDispatcher dispatcher;
  private final Readiness readiness;
  private final NodeMetrics metrics;

  HttpRoutes(ClassicActorSystemProvider system, JsonRpcDispatcher dispatcher, Readiness readiness,
      NodeMetrics metrics) {
    this.system = system;
    this.dispatcher = dispatcher;
    this.readiness = readiness;
    this.metrics = metrics;
  }

  Route route() {
    return concat(
        pathSingleSlash(() -> post(() -> extractRequestEntity(entity -> completeWithFuture(jsonRpc(entity))))),
        pathPrefix("health", () -> concat(
            pathEnd(() -> get(() -> completeWithFuture(health()))),
            path("ready", () -> get(() -> completeWithFuture(health()))),
            path("live", () -> get(() -> complete(json(StatusCodes.OK, "{\"live\":true}")))))),
        path("metrics", () -> get(() -> extractRequestEntity(ignored -> complete(metricsResponse())))));
  }

  private CompletionStage<HttpResponse> jsonRpc(RequestEntity entity) {
    long maxBytes = dispatcher.limits().maxRequestBytes();
    long timeoutMillis = dispatcher.limits().requestTimeout().toMillis();
    if (entity.getContentLengthOption().orElse(0L) > maxBytes) {
      return CompletableFuture.completedFuture(bodyTooLarge());
    }
    return entity.withSizeLimit(maxBytes)
        .toStrict(timeoutMillis, maxBytes, system)
        .thenCompose(strict -> dispatcher.dispatch(strict.getData().toArray()))
        .thenApply(answer -> answer
            .map(body -> HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, body))
            .orElseGet(() -> HttpResponse.create().withStatus(StatusCodes.NO_CONTENT)))
        .exceptionally(this::unreadBody);
  }

  /** The body could not be read: too large (sent chunked, without a length), too slow, or cut off. */
  private HttpResponse unreadBody(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof EntityStreamSizeException) {
      return bodyTooLarge();
    }
    if (cause instanceof TimeoutException) {
      return HttpResponse.create().withStatus(StatusCodes.REQUEST_TIMEOUT)
          .withEntity(ContentTypes.APPLICATION_JSON, dispatcher.bodyTimeoutResponse());
    }
    return HttpResponse.create().withStatus(StatusCodes.BAD_REQUEST)
        .withEntity(ContentTypes.TEXT_PLAIN_UTF8, "request body could not be read");
  }

  private HttpResponse bodyTooLarge() {
    return HttpResponse.create().withStatus(StatusCodes.CONTENT_TOO_LARGE)
        .withEntity(ContentTypes.APPLICATION_JSON, dispatcher.bodyTooLargeResponse());
  }

  private CompletionStage<HttpResponse> health() {
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    try {
      readiness.isReady().whenComplete((value, failure) -> ready.complete(failure == null && Boolean.TRUE.equals(value)));
    } catch (RuntimeException e) {
      ready.complete(false);
    }
    return ready.completeOnTimeout(false, READINESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(isReady -> json(isReady ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
            "{\"live\":true,\"ready\":" + isReady + ",\"status\":\"" + (isReady ? "ready" : "starting") + "\"}"));
  }

  private HttpResponse metricsResponse() {
    return HttpResponse.create().withEntity(ContentTypes.TEXT_PLAIN_UTF8, metrics.scrape());
  }

  private static HttpResponse json(org.apache.pekko.http.javadsl.model.StatusCode status, String body) {
    return HttpResponse.create().withStatus(status).withEntity(ContentTypes.APPLICATION_JSON, body);
  }
}
