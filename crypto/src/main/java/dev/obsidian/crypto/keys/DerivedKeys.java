package dev.obsidian.crypto.keys;

import dev.obsidian.crypto.field.Fq;
import java.util.Objects;

/**
 * The master secret keys derived from an account's secret key, with their public keys. Names follow 4.1.2's
 * {@code deriveKeys} in yarn-project/stdlib/src/keys/derivation.ts: the nullifier key is a "hiding" key (nhk_m).
 */
public record DerivedKeys(
    Fq masterNullifierHidingKey,
    Fq masterIncomingViewingSecretKey,
    Fq masterOutgoingViewingSecretKey,
    Fq masterTaggingSecretKey,
    PublicKeys publicKeys) {

  public DerivedKeys {
    Objects.requireNonNull(masterNullifierHidingKey, "masterNullifierHidingKey");
    Objects.requireNonNull(masterIncomingViewingSecretKey, "masterIncomingViewingSecretKey");
    Objects.requireNonNull(masterOutgoingViewingSecretKey, "masterOutgoingViewingSecretKey");
    Objects.requireNonNull(masterTaggingSecretKey, "masterTaggingSecretKey");
    Objects.requireNonNull(publicKeys, "publicKeys");
  }

  /** Secret keys must not leak through logs. */
  @Override
  public String toString() {
    return "DerivedKeys(secret keys hidden, " + publicKeys + ")";
  }
}
