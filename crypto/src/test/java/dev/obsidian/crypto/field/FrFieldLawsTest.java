package dev.obsidian.crypto.field;

import java.math.BigInteger;
import java.util.List;

class FrFieldLawsTest extends FieldLawsProperties<Fr> {
    @Override
    BigInteger modulus() {
        return Fr.MODULUS;
    }

    @Override
    Fr fromBigInteger(BigInteger value) {
        return Fr.fromBigInteger(value);
    }

    @Override
    Fr fromBytesBE(byte[] bytes) {
        return Fr.fromBytesBE(bytes);
    }

    @Override
    Fr parse(String text) {
        return Fr.parse(text);
    }

    @Override
    Fr of(long value) {
        return Fr.of(value);
    }

    @Override
    Fr reduce(BigInteger value) {
        return Fr.reduce(value);
    }

    @Override
    Fr reduceBytesBE(byte[] bytes) {
        return Fr.reduceBytesBE(bytes);
    }

    @Override
    Fr[] batchInverse(List<Fr> values) {
        return Fr.batchInverse(values.toArray(Fr[]::new));
    }
}
