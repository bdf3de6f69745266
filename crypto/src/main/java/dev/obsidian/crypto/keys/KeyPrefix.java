package dev.obsidian.crypto.keys;

import dev.obsidian.crypto.protocol.Constants.DomainSeparator;

/** Which master key an app-siloed key comes from, with its separator (getKeyGenerator in keys/utils.ts, 4.1.2). */
public enum KeyPrefix {
  NULLIFIER(DomainSeparator.NHK_M),
  INCOMING_VIEWING(DomainSeparator.IVSK_M),
  OUTGOING_VIEWING(DomainSeparator.OVSK_M),
  TAGGING(DomainSeparator.TSK_M);

  private final DomainSeparator separator;

  KeyPrefix(DomainSeparator separator) {
    this.separator = separator;
  }

  public DomainSeparator separator() {
    return separator;
  }
}
