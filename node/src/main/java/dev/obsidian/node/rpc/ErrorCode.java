package dev.obsidian.node.rpc;

/**
 * The error codes a response can carry: the five JSON-RPC 2.0 codes, then the node's own in the range the
 * specification reserves for servers (-32000 to -32099).
 */
public enum ErrorCode {
  /** The body is not JSON. */
  PARSE_ERROR(-32700, "Parse error"),
  /** The JSON is not a JSON-RPC request (or the body or batch is too large). */
  INVALID_REQUEST(-32600, "Invalid Request"),
  METHOD_NOT_FOUND(-32601, "Method not found"),
  /** A parameter is missing, of the wrong type or over its limit; {@code data} names it. */
  INVALID_PARAMS(-32602, "Invalid params"),
  /** A failure that is not the caller's; details stay in the node's log. */
  INTERNAL_ERROR(-32603, "Internal error"),
  /** The mempool refused the transaction; {@code data} names the field and the reason. */
  TX_REJECTED(-32000, "Transaction rejected"),
  /** The node did not answer within the request timeout. */
  TIMEOUT(-32001, "Request timed out"),
  /** The node is starting or stopping and cannot serve the request yet. */
  NOT_READY(-32002, "Node not ready");

  private final int code;
  private final String message;

  ErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  public int code() {
    return code;
  }

  /** The short message JSON-RPC puts beside the code; the detail goes in {@code data}. */
  public String message() {
    return message;
  }
}
