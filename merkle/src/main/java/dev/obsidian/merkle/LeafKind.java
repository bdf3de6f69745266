package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.NonCanonicalEncodingException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** The kind of leaves a tree holds: plain hashes, or one of Aztec's two indexed-leaf preimages. */
enum LeafKind {
  HASH,
  NULLIFIER,
  PUBLIC_DATA;

  boolean isIndexed() {
    return this != HASH;
  }

  IndexedLeaf empty() {
    return switch (this) {
      case NULLIFIER -> NullifierLeaf.EMPTY;
      case PUBLIC_DATA -> PublicDataLeaf.EMPTY;
      case HASH -> throw new IllegalStateException("a hash tree has no leaf preimages");
    };
  }

  /**
   * Prefill leaf {@code i}: key i (public data: slot i, value 0), as Aztec's StandardIndexedTree.init and
   * barretenberg's LeafValueType::padding(i) build it.
   */
  IndexedLeaf padding(long i) {
    return switch (this) {
      case NULLIFIER -> NullifierLeaf.of(Fr.of(i));
      case PUBLIC_DATA -> PublicDataLeaf.write(Fr.of(i), Fr.ZERO);
      case HASH -> throw new IllegalStateException("a hash tree has no leaf preimages");
    };
  }

  /** Checks that a leaf given by a caller belongs in a tree of this kind. */
  IndexedLeaf require(IndexedLeaf leaf, String field) {
    boolean matches =
        switch (this) {
          case NULLIFIER -> leaf instanceof NullifierLeaf;
          case PUBLIC_DATA -> leaf instanceof PublicDataLeaf;
          case HASH -> false;
        };
    if (!matches) {
      throw new IllegalArgumentException(
          field + " is a " + leaf.getClass().getSimpleName() + " but this tree holds " + this + " leaves");
    }
    return leaf;
  }

  byte[] encode(IndexedLeaf leaf) {
    ByteBuffer out = ByteBuffer.allocate(encodedLength());
    for (Fr field : leaf.hashInputs().subList(0, leaf.hashInputs().size() - 1)) {
      out.put(field.toBytesBE());
    }
    return out.putLong(leaf.nextIndex()).array();
  }

  /** Decodes a stored preimage; a field that is not canonical is corruption and fails loudly. */
  IndexedLeaf decode(byte[] bytes) {
    if (bytes.length != encodedLength()) {
      throw new StoreException(
          "stored " + this + " leaf has " + bytes.length + " bytes, expected " + encodedLength());
    }
    long nextIndex = StoreKeys.bytesLong(bytes, bytes.length - 8);
    return switch (this) {
      case NULLIFIER -> new NullifierLeaf(field(bytes, 0), field(bytes, 1), nextIndex);
      case PUBLIC_DATA ->
          new PublicDataLeaf(field(bytes, 0), field(bytes, 1), field(bytes, 2), nextIndex);
      case HASH -> throw new IllegalStateException("a hash tree has no leaf preimages");
    };
  }

  private int encodedLength() {
    return switch (this) {
      case NULLIFIER -> 2 * 32 + 8;
      case PUBLIC_DATA -> 3 * 32 + 8;
      case HASH -> 0;
    };
  }

  private static Fr field(byte[] bytes, int position) {
    try {
      return Fr.fromBytesBE(Arrays.copyOfRange(bytes, position * 32, position * 32 + 32));
    } catch (NonCanonicalEncodingException e) {
      throw new StoreException("stored leaf field " + position + " is not below the field modulus: corrupt store", e);
    }
  }
}
