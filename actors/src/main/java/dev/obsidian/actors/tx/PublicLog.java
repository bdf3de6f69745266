package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import java.util.List;

/** A public log and the contract that emitted it (stdlib logs/public_log.ts). */
public record PublicLog(AztecAddress contract, List<Fr> fields) {
  public PublicLog {
    Require.present(contract, "publicLog.contract");
    fields = Require.list(fields, "publicLog.fields", Constants.MAX_PUBLIC_LOG_SIZE_IN_FIELDS);
  }
}
