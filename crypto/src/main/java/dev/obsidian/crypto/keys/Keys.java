package dev.obsidian.crypto.keys;

import dev.obsidian.crypto.curve.Grumpkin;
import dev.obsidian.crypto.curve.GrumpkinPoint;
import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants.DomainSeparator;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Aztec 4.1.2 key derivation and address computation. Source: yarn-project/stdlib/src/keys/derivation.ts (v4.1.2).
 */
public final class Keys {

  private static final BigInteger LOW_128_MASK = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private Keys() {}

  /**
   * Derives the four master secret keys as sha512ToGrumpkinScalar(secretKey || separator), the secret key as 32
   * bytes and the separator as 4 big-endian bytes (Aztec serializes a JS number so), and their public keys.
   */
  public static DerivedKeys deriveKeys(Fr secretKey) {
    Objects.requireNonNull(secretKey, "secretKey");
    Fq nullifierHiding = deriveMasterSecretKey(secretKey, DomainSeparator.NHK_M);
    Fq incomingViewing = deriveMasterSecretKey(secretKey, DomainSeparator.IVSK_M);
    Fq outgoingViewing = deriveMasterSecretKey(secretKey, DomainSeparator.OVSK_M);
    Fq tagging = deriveMasterSecretKey(secretKey, DomainSeparator.TSK_M);
    PublicKeys publicKeys = new PublicKeys(
        derivePublicKey(nullifierHiding),
        derivePublicKey(incomingViewing),
        derivePublicKey(outgoingViewing),
        derivePublicKey(tagging));
    return new DerivedKeys(nullifierHiding, incomingViewing, outgoingViewing, tagging, publicKeys);
  }

  /** sha512ToGrumpkinScalar(secretKey (32 bytes) || separator (4 bytes, big-endian)). */
  public static Fq deriveMasterSecretKey(Fr secretKey, DomainSeparator separator) {
    byte[] input = new byte[36];
    System.arraycopy(secretKey.toBytesBE(), 0, input, 0, 32);
    System.arraycopy(separator.toUint32BytesBE(), 0, input, 32, 4);
    return Sha.sha512ToGrumpkinScalar(input);
  }

  /** Aztec's signing key is the incoming viewing secret key (deriveSigningKey, a 4.1.2 TODO). */
  public static Fq deriveSigningKey(Fr secretKey) {
    return deriveMasterSecretKey(secretKey, DomainSeparator.IVSK_M);
  }

  /** secret * G. */
  public static GrumpkinPoint derivePublicKey(Fq secretKey) {
    return Grumpkin.mulGenerator(secretKey);
  }

  /** poseidon2([CONTRACT_ADDRESS_V1, publicKeysHash, partialAddress]). */
  public static Fr computePreaddress(Fr publicKeysHash, Fr partialAddress) {
    return ProtocolHashes.hashWithSeparator(DomainSeparator.CONTRACT_ADDRESS_V1, publicKeysHash, partialAddress);
  }

  /** The address point preaddress * G + Ivpk_m; the address is its x-coordinate. */
  public static GrumpkinPoint computeAddressPoint(PublicKeys publicKeys, Fr partialAddress) {
    Fr preaddress = computePreaddress(publicKeys.hash(), partialAddress);
    return derivePublicKey(toScalar(preaddress)).add(publicKeys.masterIncomingViewingPublicKey());
  }

  /** The address: x-coordinate of {@link #computeAddressPoint}. */
  public static AztecAddress computeAddress(PublicKeys publicKeys, Fr partialAddress) {
    return new AztecAddress(computeAddressPoint(publicKeys, partialAddress).x());
  }

  /**
   * The scalar s with s * G = the address point taken with positive y: preaddress + ivsk, negated when that gives the
   * negative-y point, because notes are always encrypted to the positive-y point of an address.
   */
  public static Fq computeAddressSecret(Fr preaddress, Fq incomingViewingSecretKey) {
    Fq candidate = incomingViewingSecretKey.add(toScalar(preaddress));
    return derivePublicKey(candidate).isYPositive() ? candidate : candidate.neg();
  }

  /** An app-siloed secret key: poseidon2([separator, skM.hi, skM.lo, app]) with hi/lo the 128-bit halves. */
  public static Fr computeAppSecretKey(Fq masterSecretKey, AztecAddress app, KeyPrefix prefix) {
    BigInteger value = masterSecretKey.toBigInteger();
    Fr high = Fr.fromBigInteger(value.shiftRight(128));
    Fr low = Fr.fromBigInteger(value.and(LOW_128_MASK));
    return ProtocolHashes.hashWithSeparator(prefix.separator(), high, low, app.toField());
  }

  public static Fr computeAppNullifierHidingKey(Fq masterNullifierHidingKey, AztecAddress app) {
    return computeAppSecretKey(masterNullifierHidingKey, app, KeyPrefix.NULLIFIER);
  }

  /** The app's outgoing viewing secret key, an Fr hash reinterpreted as a Grumpkin scalar (Fr is below Fq). */
  public static Fq computeOvskApp(Fq masterOutgoingViewingSecretKey, AztecAddress app) {
    return toScalar(computeAppSecretKey(masterOutgoingViewingSecretKey, app, KeyPrefix.OUTGOING_VIEWING));
  }

  /** Fr's modulus is below Fq's, so every Fr value is a valid scalar without reduction. */
  private static Fq toScalar(Fr value) {
    return Fq.fromBigInteger(value.toBigInteger());
  }
}
