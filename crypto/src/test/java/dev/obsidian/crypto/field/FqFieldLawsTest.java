package dev.obsidian.crypto.field;

import java.math.BigInteger;
import java.util.List;

class FqFieldLawsTest extends FieldLawsProperties<Fq> {
    @Override
    BigInteger modulus() {
        return Fq.MODULUS;
    }

    @Override
    Fq fromBigInteger(BigInteger value) {
        return Fq.fromBigInteger(value);
    }

    @Override
    Fq fromBytesBE(byte[] bytes) {
        return Fq.fromBytesBE(bytes);
    }

    @Override
    Fq parse(String text) {
        return Fq.parse(text);
    }

    @Override
    Fq of(long value) {
        return Fq.of(value);
    }

    @Override
    Fq reduce(BigInteger value) {
        return Fq.reduce(value);
    }

    @Override
    Fq reduceBytesBE(byte[] bytes) {
        return Fq.reduceBytesBE(bytes);
    }

    @Override
    Fq[] batchInverse(List<Fq> values) {
        return Fq.batchInverse(values.toArray(Fq[]::new));
    }
}
