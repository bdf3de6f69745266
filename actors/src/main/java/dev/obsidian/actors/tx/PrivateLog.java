package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.util.List;

/**
 * An encrypted log; its first field is the siloed tag recipients search by (stdlib logs/private_log.ts, whose
 * fields are padded to PRIVATE_LOG_SIZE_IN_FIELDS; here only the emitted fields are kept).
 */
public record PrivateLog(List<Fr> fields) {
  public PrivateLog {
    fields = Require.list(fields, "privateLog.fields", Constants.PRIVATE_LOG_SIZE_IN_FIELDS);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("privateLog.fields must hold at least the tag");
    }
  }

  public Fr tag() {
    return fields.get(0);
  }
}
