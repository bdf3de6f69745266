package dev.obsidian.crypto.keys;

import dev.obsidian.crypto.curve.GrumpkinPoint;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.Constants.DomainSeparator;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import java.util.Objects;

/**
 * An account's four master public keys. Source: PublicKeys in yarn-project/stdlib/src/keys/public_keys.ts (v4.1.2).
 *
 * @param masterNullifierPublicKey Npk_m
 * @param masterIncomingViewingPublicKey Ivpk_m, also the base of the address point
 * @param masterOutgoingViewingPublicKey Ovpk_m
 * @param masterTaggingPublicKey Tpk_m
 */
public record PublicKeys(
    GrumpkinPoint masterNullifierPublicKey,
    GrumpkinPoint masterIncomingViewingPublicKey,
    GrumpkinPoint masterOutgoingViewingPublicKey,
    GrumpkinPoint masterTaggingPublicKey) {

  /** The keys of an account without keys (e.g. most contracts): Aztec's DEFAULT_*PK_M constants. */
  public static final PublicKeys DEFAULT = new PublicKeys(
      GrumpkinPoint.of(Constants.DEFAULT_NPK_M_X, Constants.DEFAULT_NPK_M_Y),
      GrumpkinPoint.of(Constants.DEFAULT_IVPK_M_X, Constants.DEFAULT_IVPK_M_Y),
      GrumpkinPoint.of(Constants.DEFAULT_OVPK_M_X, Constants.DEFAULT_OVPK_M_Y),
      GrumpkinPoint.of(Constants.DEFAULT_TPK_M_X, Constants.DEFAULT_TPK_M_Y));

  public PublicKeys {
    Objects.requireNonNull(masterNullifierPublicKey, "masterNullifierPublicKey");
    Objects.requireNonNull(masterIncomingViewingPublicKey, "masterIncomingViewingPublicKey");
    Objects.requireNonNull(masterOutgoingViewingPublicKey, "masterOutgoingViewingPublicKey");
    Objects.requireNonNull(masterTaggingPublicKey, "masterTaggingPublicKey");
  }

  /** True when all four keys are the zero point, which Aztec hashes to zero. */
  public boolean isEmpty() {
    return masterNullifierPublicKey.isInfinity()
        && masterIncomingViewingPublicKey.isInfinity()
        && masterOutgoingViewingPublicKey.isInfinity()
        && masterTaggingPublicKey.isInfinity();
  }

  /** [x, y, isInfinite] of each key in order: 12 fields. */
  public Fr[] toFields() {
    Fr[] fields = new Fr[12];
    GrumpkinPoint[] keys = {
      masterNullifierPublicKey, masterIncomingViewingPublicKey, masterOutgoingViewingPublicKey, masterTaggingPublicKey
    };
    for (int i = 0; i < keys.length; i++) {
      System.arraycopy(keys[i].toFields(), 0, fields, 3 * i, 3);
    }
    return fields;
  }

  /** poseidon2([PUBLIC_KEYS_HASH, ...toFields()]), or zero when {@link #isEmpty()}. */
  public Fr hash() {
    return isEmpty() ? Fr.ZERO : ProtocolHashes.hashWithSeparator(DomainSeparator.PUBLIC_KEYS_HASH, toFields());
  }
}
