package dev.obsidian.circuits.snarkjs;

import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/** Fr values as the 32-byte little-endian standard-form integers of the iden3 binary formats. */
final class FieldBytes {
  static final int SIZE = 32;

  private FieldBytes() {}

  static Fr read(ByteBuffer buffer, String what) throws IOException {
    byte[] le = new byte[SIZE];
    buffer.get(le);
    byte[] be = new byte[SIZE];
    for (int i = 0; i < SIZE; i++) {
      be[i] = le[SIZE - 1 - i];
    }
    BigInteger value = new BigInteger(1, be);
    if (value.compareTo(Fr.MODULUS) >= 0) {
      throw new IOException(what + ": value " + value + " is not below the BN254 scalar field modulus");
    }
    return Fr.fromBigInteger(value);
  }

  static void write(ByteBuffer buffer, Fr value) {
    byte[] be = value.toBytesBE();
    for (int i = SIZE - 1; i >= 0; i--) {
      buffer.put(be[i]);
    }
  }

  static void checkPrime(ByteBuffer buffer, int fieldSize, String name) throws IOException {
    if (fieldSize != SIZE) {
      throw new IOException(name + ": field size is " + fieldSize + " bytes, only BN254 (32) is supported");
    }
    byte[] le = new byte[SIZE];
    buffer.get(le);
    byte[] be = new byte[SIZE];
    for (int i = 0; i < SIZE; i++) {
      be[i] = le[SIZE - 1 - i];
    }
    BigInteger prime = new BigInteger(1, be);
    if (!prime.equals(Fr.MODULUS)) {
      throw new IOException(name + ": prime " + prime + " is not BN254's scalar field (bn128)");
    }
  }

  static void writePrime(ByteBuffer buffer) {
    byte[] be = Fr.MODULUS.toByteArray();
    byte[] le = new byte[SIZE];
    for (int i = 0; i < SIZE && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    buffer.put(le);
  }
}
