package dev.obsidian.node.rpc;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure the caller is told about, as a JSON-RPC error: a code and, when one input is to blame, the
 * field and the reason in {@code data}. Thrown by parameter decoders and method handlers; it carries no
 * stack trace because it is an answer, not a bug.
 */
public final class RpcException extends RuntimeException {

  /**
   * The JSON-RPC {@code data} member: which input is wrong, and why.
   *
   * @param kind a stable machine-readable name of the reason when there is one (a tx rejection code such as
   *     {@code DOUBLE_SPEND}), rendered as {@code data.kind}
   */
  public record ErrorData(String field, String reason, Optional<String> kind) {
    public ErrorData {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(kind, "kind");
    }
  }

  private final ErrorCode code;
  private final transient Optional<ErrorData> data;

  public RpcException(ErrorCode code, String field, String reason) {
    this(code, Optional.of(new ErrorData(field, reason, Optional.empty())));
  }

  private RpcException(ErrorCode code, Optional<ErrorData> data) {
    super(code.message() + data.map(d -> ": " + d.field() + ": " + d.reason()).orElse(""), null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.data = data;
  }

  /** An error without {@code data}, for codes where no single input is to blame. */
  public static RpcException of(ErrorCode code) {
    return new RpcException(code, Optional.empty());
  }

  /** The mempool refused a transaction: {@code kind} is its rejection code. */
  public static RpcException txRejected(String kind, String field, String reason) {
    return new RpcException(ErrorCode.TX_REJECTED, Optional.of(new ErrorData(field, reason, Optional.of(kind))));
  }

  public static RpcException invalidParams(String field, String reason) {
    return new RpcException(ErrorCode.INVALID_PARAMS, field, reason);
  }

  public static RpcException invalidRequest(String field, String reason) {
    return new RpcException(ErrorCode.INVALID_REQUEST, field, reason);
  }

  public ErrorCode code() {
    return code;
  }

  public Optional<ErrorData> data() {
    return data;
  }
}
