package dev.obsidian.crypto.field;

import java.math.BigInteger;

/**
 * Montgomery arithmetic over a 4×64-bit prime modulus with at least two spare top bits (both BN254 fields).
 *
 * <p>Low-level and allocation-free: every operation reads its operands from {@code long[]} slots of four
 * little-endian limbs and writes the result to another slot, which may alias an operand. Values are kept in
 * Montgomery form (x·R mod p, R = 2^256) and always fully reduced (&lt; p), so equal values have equal limbs.
 * Hot loops such as the Poseidon2 permutation use this directly; everyone else should use {@link Fr}/{@link Fq}.
 */
public final class MontgomeryKernel {
    /** Limbs per element. */
    public static final int LIMBS = 4;

    /** Kernel of the BN254 scalar field (the field of {@link Fr}). */
    public static final MontgomeryKernel BN254_FR = new MontgomeryKernel(
            new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617"));
    /** Kernel of the BN254 base field (the field of {@link Fq}). */
    public static final MontgomeryKernel BN254_FQ = new MontgomeryKernel(
            new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583"));

    final BigInteger modulus;
    private final long p0, p1, p2, p3;
    /** 2p, the bound of partially reduced values. */
    private final long twoP0, twoP1, twoP2, twoP3;
    /** -p^-1 mod 2^64: the per-limb factor that makes the low limb vanish during reduction. */
    private final long inv;
    private final long[] rSquared;
    private final long[] one;
    private final long[] modulusMinusTwo;

    private MontgomeryKernel(BigInteger modulus) {
        if (modulus.bitLength() > 254 || !modulus.testBit(0)) {
            throw new IllegalArgumentException("modulus must be odd and below 2^254 for the spare-bit product: " + modulus);
        }
        this.modulus = modulus;
        long[] limbs = limbsOf(modulus);
        p0 = limbs[0];
        p1 = limbs[1];
        p2 = limbs[2];
        p3 = limbs[3];
        long[] twice = limbsOf(modulus.shiftLeft(1));
        twoP0 = twice[0];
        twoP1 = twice[1];
        twoP2 = twice[2];
        twoP3 = twice[3];
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        inv = modulus.modInverse(twoTo64).negate().mod(twoTo64).longValue();
        rSquared = limbsOf(BigInteger.ONE.shiftLeft(512).mod(modulus));
        one = limbsOf(BigInteger.ONE.shiftLeft(256).mod(modulus));
        modulusMinusTwo = limbsOf(modulus.subtract(BigInteger.TWO));
    }

    /** The modulus p. */
    public BigInteger modulus() {
        return modulus;
    }

    /** Writes the Montgomery form of one into {@code out[offset..offset+3]}. */
    public void setOne(long[] out, int offset) {
        System.arraycopy(one, 0, out, offset, LIMBS);
    }

    /** Little-endian limbs of a value 0 &lt;= v &lt; 2^256 (not converted to Montgomery form). */
    static long[] limbsOf(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("value does not fit 256 unsigned bits: " + value);
        }
        long[] limbs = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            limbs[i] = value.shiftRight(64 * i).longValue();
        }
        return limbs;
    }

    /** Montgomery form of a value 0 &lt;= v &lt; p (callers check the range). */
    public long[] toMontgomery(BigInteger value) {
        long[] limbs = limbsOf(value);
        mul(limbs, 0, rSquared, 0, limbs, 0);
        return limbs;
    }

    /** Montgomery form of the plain 256-bit integer in {@code plain[offset..]}, which must be below p. */
    public void toMontgomery(long[] plain, int offset, long[] out, int outOffset) {
        mul(plain, offset, rSquared, 0, out, outOffset);
    }

    /** Plain (non-Montgomery) little-endian limbs of the element at {@code offset}. */
    public void fromMontgomery(long[] montgomery, int offset, long[] out, int outOffset) {
        mul(montgomery[offset], montgomery[offset + 1], montgomery[offset + 2], montgomery[offset + 3],
                1, 0, 0, 0, out, outOffset);
    }

    /** True if the plain little-endian limbs are &lt; p. */
    public boolean isCanonical(long l0, long l1, long l2, long l3) {
        return borrowOfSubtractingModulus(l0, l1, l2, l3) != 0;
    }

    private long borrowOfSubtractingModulus(long t0, long t1, long t2, long t3) {
        long d0 = t0 - p0;
        long b0 = borrow(t0, p0, d0);
        long d1 = t1 - p1 - b0;
        long b1 = borrow(t1, p1, d1);
        long d2 = t2 - p2 - b1;
        long b2 = borrow(t2, p2, d2);
        long d3 = t3 - p3 - b2;
        return borrow(t3, p3, d3);
    }

    // ---- arithmetic on array slots ----

    public void add(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        long a0 = a[ai], a1 = a[ai + 1], a2 = a[ai + 2], a3 = a[ai + 3];
        long b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
        long s0 = a0 + b0;
        long c0 = carryOut(a0, b0, s0);
        long s1 = a1 + b1 + c0;
        long c1 = carryOut(a1, b1, s1);
        long s2 = a2 + b2 + c1;
        long c2 = carryOut(a2, b2, s2);
        long s3 = a3 + b3 + c2;
        // both operands are < p < 2^254, so the sum cannot leave 256 bits
        reduceOnceInto(s0, s1, s2, s3, out, oi);
    }

    public void sub(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        long a0 = a[ai], a1 = a[ai + 1], a2 = a[ai + 2], a3 = a[ai + 3];
        long b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
        long d0 = a0 - b0;
        long w0 = borrow(a0, b0, d0);
        long d1 = a1 - b1 - w0;
        long w1 = borrow(a1, b1, d1);
        long d2 = a2 - b2 - w1;
        long w2 = borrow(a2, b2, d2);
        long d3 = a3 - b3 - w2;
        long w3 = borrow(a3, b3, d3);
        addModulusIfMasked(d0, d1, d2, d3, -w3, out, oi);
    }

    public void neg(long[] a, int ai, long[] out, int oi) {
        long a0 = a[ai], a1 = a[ai + 1], a2 = a[ai + 2], a3 = a[ai + 3];
        long nonZeroMask = -(((a0 | a1 | a2 | a3) | -(a0 | a1 | a2 | a3)) >>> 63);
        long d0 = p0 - a0;
        long w0 = borrow(p0, a0, d0);
        long d1 = p1 - a1 - w0;
        long w1 = borrow(p1, a1, d1);
        long d2 = p2 - a2 - w1;
        long w2 = borrow(p2, a2, d2);
        long d3 = p3 - a3 - w2;
        out[oi] = d0 & nonZeroMask;
        out[oi + 1] = d1 & nonZeroMask;
        out[oi + 2] = d2 & nonZeroMask;
        out[oi + 3] = d3 & nonZeroMask;
    }

    public void mul(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        mul(a[ai], a[ai + 1], a[ai + 2], a[ai + 3], b[bi], b[bi + 1], b[bi + 2], b[bi + 3], out, oi);
    }

    public void square(long[] a, int ai, long[] out, int oi) {
        square(a[ai], a[ai + 1], a[ai + 2], a[ai + 3], out, oi);
    }

    /** True if the element at {@code offset} is zero. */
    public static boolean isZero(long[] a, int offset) {
        return (a[offset] | a[offset + 1] | a[offset + 2] | a[offset + 3]) == 0;
    }

    /**
     * Montgomery product a·b·R^-1 mod p by coarsely integrated operand scanning; the spare top bits of p let the
     * running total stay within four limbs, and one conditional subtraction leaves it canonical.
     */
    public void mul(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] out, int offset) {
        mul(a0, a1, a2, a3, b0, b1, b2, b3, out, offset, true);
    }

    private void mul(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] out, int offset,
            boolean canonical) {
        final long p0 = this.p0, p1 = this.p1, p2 = this.p2, p3 = this.p3, inv = this.inv;
        // generated straight-line code: loH/hiN are the low/high halves of 128-bit partial sums
        // row 0: accumulate a0*b, then fold in m*p and shift one limb
        long lo1 = a0 * b0;
        long hi2 = Math.unsignedMultiplyHigh(a0, b0);
        long m3 = lo1 * inv;
        long hi4 = Math.unsignedMultiplyHigh(m3, p0) + nonZero(lo1);
        long lo5 = a0 * b1;
        long hi6 = Math.unsignedMultiplyHigh(a0, b1);
        long lo7 = lo5 + hi2;
        long hi8 = hi6 + carry(lo7, hi2);
        long lo9 = m3 * p1;
        long hi10 = Math.unsignedMultiplyHigh(m3, p1);
        long lo11 = lo9 + hi4;
        long hi12 = hi10 + carry(lo11, hi4);
        long lo13 = lo11 + lo7;
        long hi14 = hi12 + carry(lo13, lo7);
        long lo15 = a0 * b2;
        long hi16 = Math.unsignedMultiplyHigh(a0, b2);
        long lo17 = lo15 + hi8;
        long hi18 = hi16 + carry(lo17, hi8);
        long lo19 = m3 * p2;
        long hi20 = Math.unsignedMultiplyHigh(m3, p2);
        long lo21 = lo19 + hi14;
        long hi22 = hi20 + carry(lo21, hi14);
        long lo23 = lo21 + lo17;
        long hi24 = hi22 + carry(lo23, lo17);
        long lo25 = a0 * b3;
        long hi26 = Math.unsignedMultiplyHigh(a0, b3);
        long lo27 = lo25 + hi18;
        long hi28 = hi26 + carry(lo27, hi18);
        long lo29 = m3 * p3;
        long hi30 = Math.unsignedMultiplyHigh(m3, p3);
        long lo31 = lo29 + lo27;
        long hi32 = hi30 + carry(lo31, lo27);
        long lo33 = lo31 + hi24;
        long hi34 = hi32 + carry(lo33, hi24);
        long t35 = hi34 + hi28;
        // row 1: accumulate a1*b, then fold in m*p and shift one limb
        long lo36 = a1 * b0;
        long hi37 = Math.unsignedMultiplyHigh(a1, b0);
        long lo38 = lo36 + lo13;
        long hi39 = hi37 + carry(lo38, lo13);
        long m40 = lo38 * inv;
        long hi41 = Math.unsignedMultiplyHigh(m40, p0) + nonZero(lo38);
        long lo42 = a1 * b1;
        long hi43 = Math.unsignedMultiplyHigh(a1, b1);
        long lo44 = lo42 + hi39;
        long hi45 = hi43 + carry(lo44, hi39);
        long lo46 = lo44 + lo23;
        long hi47 = hi45 + carry(lo46, lo23);
        long lo48 = m40 * p1;
        long hi49 = Math.unsignedMultiplyHigh(m40, p1);
        long lo50 = lo48 + hi41;
        long hi51 = hi49 + carry(lo50, hi41);
        long lo52 = lo50 + lo46;
        long hi53 = hi51 + carry(lo52, lo46);
        long lo54 = a1 * b2;
        long hi55 = Math.unsignedMultiplyHigh(a1, b2);
        long lo56 = lo54 + hi47;
        long hi57 = hi55 + carry(lo56, hi47);
        long lo58 = lo56 + lo33;
        long hi59 = hi57 + carry(lo58, lo33);
        long lo60 = m40 * p2;
        long hi61 = Math.unsignedMultiplyHigh(m40, p2);
        long lo62 = lo60 + hi53;
        long hi63 = hi61 + carry(lo62, hi53);
        long lo64 = lo62 + lo58;
        long hi65 = hi63 + carry(lo64, lo58);
        long lo66 = a1 * b3;
        long hi67 = Math.unsignedMultiplyHigh(a1, b3);
        long lo68 = lo66 + hi59;
        long hi69 = hi67 + carry(lo68, hi59);
        long lo70 = lo68 + t35;
        long hi71 = hi69 + carry(lo70, t35);
        long lo72 = m40 * p3;
        long hi73 = Math.unsignedMultiplyHigh(m40, p3);
        long lo74 = lo72 + lo70;
        long hi75 = hi73 + carry(lo74, lo70);
        long lo76 = lo74 + hi65;
        long hi77 = hi75 + carry(lo76, hi65);
        long t78 = hi77 + hi71;
        // row 2: accumulate a2*b, then fold in m*p and shift one limb
        long lo79 = a2 * b0;
        long hi80 = Math.unsignedMultiplyHigh(a2, b0);
        long lo81 = lo79 + lo52;
        long hi82 = hi80 + carry(lo81, lo52);
        long m83 = lo81 * inv;
        long hi84 = Math.unsignedMultiplyHigh(m83, p0) + nonZero(lo81);
        long lo85 = a2 * b1;
        long hi86 = Math.unsignedMultiplyHigh(a2, b1);
        long lo87 = lo85 + hi82;
        long hi88 = hi86 + carry(lo87, hi82);
        long lo89 = lo87 + lo64;
        long hi90 = hi88 + carry(lo89, lo64);
        long lo91 = m83 * p1;
        long hi92 = Math.unsignedMultiplyHigh(m83, p1);
        long lo93 = lo91 + hi84;
        long hi94 = hi92 + carry(lo93, hi84);
        long lo95 = lo93 + lo89;
        long hi96 = hi94 + carry(lo95, lo89);
        long lo97 = a2 * b2;
        long hi98 = Math.unsignedMultiplyHigh(a2, b2);
        long lo99 = lo97 + hi90;
        long hi100 = hi98 + carry(lo99, hi90);
        long lo101 = lo99 + lo76;
        long hi102 = hi100 + carry(lo101, lo76);
        long lo103 = m83 * p2;
        long hi104 = Math.unsignedMultiplyHigh(m83, p2);
        long lo105 = lo103 + hi96;
        long hi106 = hi104 + carry(lo105, hi96);
        long lo107 = lo105 + lo101;
        long hi108 = hi106 + carry(lo107, lo101);
        long lo109 = a2 * b3;
        long hi110 = Math.unsignedMultiplyHigh(a2, b3);
        long lo111 = lo109 + hi102;
        long hi112 = hi110 + carry(lo111, hi102);
        long lo113 = lo111 + t78;
        long hi114 = hi112 + carry(lo113, t78);
        long lo115 = m83 * p3;
        long hi116 = Math.unsignedMultiplyHigh(m83, p3);
        long lo117 = lo115 + lo113;
        long hi118 = hi116 + carry(lo117, lo113);
        long lo119 = lo117 + hi108;
        long hi120 = hi118 + carry(lo119, hi108);
        long t121 = hi120 + hi114;
        // row 3: accumulate a3*b, then fold in m*p and shift one limb
        long lo122 = a3 * b0;
        long hi123 = Math.unsignedMultiplyHigh(a3, b0);
        long lo124 = lo122 + lo95;
        long hi125 = hi123 + carry(lo124, lo95);
        long m126 = lo124 * inv;
        long hi127 = Math.unsignedMultiplyHigh(m126, p0) + nonZero(lo124);
        long lo128 = a3 * b1;
        long hi129 = Math.unsignedMultiplyHigh(a3, b1);
        long lo130 = lo128 + hi125;
        long hi131 = hi129 + carry(lo130, hi125);
        long lo132 = lo130 + lo107;
        long hi133 = hi131 + carry(lo132, lo107);
        long lo134 = m126 * p1;
        long hi135 = Math.unsignedMultiplyHigh(m126, p1);
        long lo136 = lo134 + hi127;
        long hi137 = hi135 + carry(lo136, hi127);
        long lo138 = lo136 + lo132;
        long hi139 = hi137 + carry(lo138, lo132);
        long lo140 = a3 * b2;
        long hi141 = Math.unsignedMultiplyHigh(a3, b2);
        long lo142 = lo140 + hi133;
        long hi143 = hi141 + carry(lo142, hi133);
        long lo144 = lo142 + lo119;
        long hi145 = hi143 + carry(lo144, lo119);
        long lo146 = m126 * p2;
        long hi147 = Math.unsignedMultiplyHigh(m126, p2);
        long lo148 = lo146 + hi139;
        long hi149 = hi147 + carry(lo148, hi139);
        long lo150 = lo148 + lo144;
        long hi151 = hi149 + carry(lo150, lo144);
        long lo152 = a3 * b3;
        long hi153 = Math.unsignedMultiplyHigh(a3, b3);
        long lo154 = lo152 + hi145;
        long hi155 = hi153 + carry(lo154, hi145);
        long lo156 = lo154 + t121;
        long hi157 = hi155 + carry(lo156, t121);
        long lo158 = m126 * p3;
        long hi159 = Math.unsignedMultiplyHigh(m126, p3);
        long lo160 = lo158 + lo156;
        long hi161 = hi159 + carry(lo160, lo156);
        long lo162 = lo160 + hi151;
        long hi163 = hi161 + carry(lo162, hi151);
        long t164 = hi163 + hi157;
        store(lo138, lo150, lo162, t164, out, offset, canonical);

    }

    /**
     * Montgomery square: the six cross products are computed once and doubled (10 limb products instead of 16),
     * then the 512-bit square is reduced one limb per row.
     */
    public void square(long a0, long a1, long a2, long a3, long[] out, int offset) {
        square(a0, a1, a2, a3, out, offset, true);
    }

    private void square(long a0, long a1, long a2, long a3, long[] out, int offset, boolean canonical) {
        final long p0 = this.p0, p1 = this.p1, p2 = this.p2, p3 = this.p3, inv = this.inv;
        // generated straight-line code: loN/hiN halves of 128-bit partial sums, sN/cN sums and their carries
        // cross products a_i·a_j (i < j), accumulated row by row
        long lo1 = a0 * a1;
        long hi2 = Math.unsignedMultiplyHigh(a0, a1);
        long lo3 = a0 * a2;
        long hi4 = Math.unsignedMultiplyHigh(a0, a2);
        long lo5 = lo3 + hi2;
        long hi6 = hi4 + carry(lo5, hi2);
        long lo7 = a0 * a3;
        long hi8 = Math.unsignedMultiplyHigh(a0, a3);
        long lo9 = lo7 + hi6;
        long hi10 = hi8 + carry(lo9, hi6);
        long lo11 = a1 * a2;
        long hi12 = Math.unsignedMultiplyHigh(a1, a2);
        long lo13 = lo11 + lo9;
        long hi14 = hi12 + carry(lo13, lo9);
        long lo15 = a1 * a3;
        long hi16 = Math.unsignedMultiplyHigh(a1, a3);
        long lo17 = lo15 + hi10;
        long hi18 = hi16 + carry(lo17, hi10);
        long lo19 = lo17 + hi14;
        long hi20 = hi18 + carry(lo19, hi14);
        long lo21 = a2 * a3;
        long hi22 = Math.unsignedMultiplyHigh(a2, a3);
        long lo23 = lo21 + hi20;
        long hi24 = hi22 + carry(lo23, hi20);
        // double the cross products (a < 2^254 so nothing leaves the top limb)
        long d25 = hi24 >>> 63;
        long d26 = (hi24 << 1) | (lo23 >>> 63);
        long d27 = (lo23 << 1) | (lo19 >>> 63);
        long d28 = (lo19 << 1) | (lo13 >>> 63);
        long d29 = (lo13 << 1) | (lo5 >>> 63);
        long d30 = (lo5 << 1) | (lo1 >>> 63);
        long d31 = lo1 << 1;
        // add the squares a_i^2 on the diagonal
        long lo32 = a0 * a0;
        long hi33 = Math.unsignedMultiplyHigh(a0, a0);
        long lo34 = a1 * a1;
        long hi35 = Math.unsignedMultiplyHigh(a1, a1);
        long lo36 = a2 * a2;
        long hi37 = Math.unsignedMultiplyHigh(a2, a2);
        long lo38 = a3 * a3;
        long hi39 = Math.unsignedMultiplyHigh(a3, a3);
        long s40 = d31 + hi33;
        long c41 = carryOut(d31, hi33, s40);
        long s42 = d30 + lo34 + c41;
        long c43 = carryOut(d30, lo34, s42);
        long s44 = d29 + hi35 + c43;
        long c45 = carryOut(d29, hi35, s44);
        long s46 = d28 + lo36 + c45;
        long c47 = carryOut(d28, lo36, s46);
        long s48 = d27 + hi37 + c47;
        long c49 = carryOut(d27, hi37, s48);
        long s50 = d26 + lo38 + c49;
        long c51 = carryOut(d26, lo38, s50);
        long s52 = d25 + hi39 + c51;
        long c53 = carryOut(d25, hi39, s52);
        // Montgomery reduction, one limb per row; 'pending' carries a row's overflow into the next row's top
        long m54 = lo32 * inv;
        long hi55 = Math.unsignedMultiplyHigh(m54, p0) + nonZero(lo32);
        long lo56 = m54 * p1;
        long hi57 = Math.unsignedMultiplyHigh(m54, p1);
        long lo58 = lo56 + s40;
        long hi59 = hi57 + carry(lo58, s40);
        long lo60 = lo58 + hi55;
        long hi61 = hi59 + carry(lo60, hi55);
        long lo62 = m54 * p2;
        long hi63 = Math.unsignedMultiplyHigh(m54, p2);
        long lo64 = lo62 + s42;
        long hi65 = hi63 + carry(lo64, s42);
        long lo66 = lo64 + hi61;
        long hi67 = hi65 + carry(lo66, hi61);
        long lo68 = m54 * p3;
        long hi69 = Math.unsignedMultiplyHigh(m54, p3);
        long lo70 = lo68 + s44;
        long hi71 = hi69 + carry(lo70, s44);
        long lo72 = lo70 + hi67;
        long hi73 = hi71 + carry(lo72, hi67);
        long s74 = s46 + hi73;
        long c75 = carryOut(s46, hi73, s74);
        long m76 = lo60 * inv;
        long hi77 = Math.unsignedMultiplyHigh(m76, p0) + nonZero(lo60);
        long lo78 = m76 * p1;
        long hi79 = Math.unsignedMultiplyHigh(m76, p1);
        long lo80 = lo78 + lo66;
        long hi81 = hi79 + carry(lo80, lo66);
        long lo82 = lo80 + hi77;
        long hi83 = hi81 + carry(lo82, hi77);
        long lo84 = m76 * p2;
        long hi85 = Math.unsignedMultiplyHigh(m76, p2);
        long lo86 = lo84 + lo72;
        long hi87 = hi85 + carry(lo86, lo72);
        long lo88 = lo86 + hi83;
        long hi89 = hi87 + carry(lo88, hi83);
        long lo90 = m76 * p3;
        long hi91 = Math.unsignedMultiplyHigh(m76, p3);
        long lo92 = lo90 + s74;
        long hi93 = hi91 + carry(lo92, s74);
        long lo94 = lo92 + hi89;
        long hi95 = hi93 + carry(lo94, hi89);
        long s96 = s48 + hi95 + c75;
        long c97 = carryOut(s48, hi95, s96);
        long m98 = lo82 * inv;
        long hi99 = Math.unsignedMultiplyHigh(m98, p0) + nonZero(lo82);
        long lo100 = m98 * p1;
        long hi101 = Math.unsignedMultiplyHigh(m98, p1);
        long lo102 = lo100 + lo88;
        long hi103 = hi101 + carry(lo102, lo88);
        long lo104 = lo102 + hi99;
        long hi105 = hi103 + carry(lo104, hi99);
        long lo106 = m98 * p2;
        long hi107 = Math.unsignedMultiplyHigh(m98, p2);
        long lo108 = lo106 + lo94;
        long hi109 = hi107 + carry(lo108, lo94);
        long lo110 = lo108 + hi105;
        long hi111 = hi109 + carry(lo110, hi105);
        long lo112 = m98 * p3;
        long hi113 = Math.unsignedMultiplyHigh(m98, p3);
        long lo114 = lo112 + s96;
        long hi115 = hi113 + carry(lo114, s96);
        long lo116 = lo114 + hi111;
        long hi117 = hi115 + carry(lo116, hi111);
        long s118 = s50 + hi117 + c97;
        long c119 = carryOut(s50, hi117, s118);
        long m120 = lo104 * inv;
        long hi121 = Math.unsignedMultiplyHigh(m120, p0) + nonZero(lo104);
        long lo122 = m120 * p1;
        long hi123 = Math.unsignedMultiplyHigh(m120, p1);
        long lo124 = lo122 + lo110;
        long hi125 = hi123 + carry(lo124, lo110);
        long lo126 = lo124 + hi121;
        long hi127 = hi125 + carry(lo126, hi121);
        long lo128 = m120 * p2;
        long hi129 = Math.unsignedMultiplyHigh(m120, p2);
        long lo130 = lo128 + lo116;
        long hi131 = hi129 + carry(lo130, lo116);
        long lo132 = lo130 + hi127;
        long hi133 = hi131 + carry(lo132, hi127);
        long lo134 = m120 * p3;
        long hi135 = Math.unsignedMultiplyHigh(m120, p3);
        long lo136 = lo134 + s118;
        long hi137 = hi135 + carry(lo136, s118);
        long lo138 = lo136 + hi133;
        long hi139 = hi137 + carry(lo138, hi133);
        long s140 = s52 + hi139 + c119;
        long c141 = carryOut(s52, hi139, s140);
        // the result is below 2p < 2^255, so the last row's carry (c141) is zero
        store(lo126, lo132, lo138, s140, out, offset, canonical);

    }

    /**
     * base^exponent for a plain little-endian exponent, with a 4-bit fixed window (precomputed powers 0..15).
     */
    public void pow(long[] base, int bi, long[] exponent, long[] out, int oi) {
        long[] table = new long[16 * LIMBS];
        setOne(table, 0);
        System.arraycopy(base, bi, table, LIMBS, LIMBS);
        for (int i = 2; i < 16; i++) {
            mul(table, (i - 1) * LIMBS, base, bi, table, i * LIMBS);
        }
        long[] acc = new long[LIMBS];
        setOne(acc, 0);
        for (int nibble = exponent.length * 16 - 1; nibble >= 0; nibble--) {
            for (int s = 0; s < 4; s++) {
                square(acc, 0, acc, 0);
            }
            int digit = (int) (exponent[nibble >>> 4] >>> ((nibble & 15) * 4)) & 15;
            if (digit != 0) {
                mul(acc, 0, table, digit * LIMBS, acc, 0);
            }
        }
        System.arraycopy(acc, 0, out, oi, LIMBS);
    }

    /** Multiplicative inverse by Fermat's little theorem; the caller rejects zero. */
    public void inverse(long[] a, int ai, long[] out, int oi) {
        pow(a, ai, modulusMinusTwo, out, oi);
    }

    // ---- partially reduced arithmetic: operands and results in [0, 2p), for hot loops such as Poseidon2 ----
    // With 4p < 2^256 a Montgomery product of operands below 2p is already below 2p, so it needs no final
    // subtraction; a sum of two such values is below 4p and one conditional subtraction of 2p brings it back.

    /** a·b·R^-1, congruent mod p, in [0, 2p) for operands in [0, 2p). */
    public void mulPartial(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        mul(a[ai], a[ai + 1], a[ai + 2], a[ai + 3], b[bi], b[bi + 1], b[bi + 2], b[bi + 3], out, oi, false);
    }

    /** a²·R^-1, congruent mod p, in [0, 2p) for an operand in [0, 2p). */
    public void squarePartial(long[] a, int ai, long[] out, int oi) {
        square(a[ai], a[ai + 1], a[ai + 2], a[ai + 3], out, oi, false);
    }

    /** a + b, congruent mod p, in [0, 2p) for operands in [0, 2p). */
    public void addPartial(long[] a, int ai, long[] b, int bi, long[] out, int oi) {
        long a0 = a[ai], a1 = a[ai + 1], a2 = a[ai + 2], a3 = a[ai + 3];
        long b0 = b[bi], b1 = b[bi + 1], b2 = b[bi + 2], b3 = b[bi + 3];
        long s0 = a0 + b0;
        long c0 = carryOut(a0, b0, s0);
        long s1 = a1 + b1 + c0;
        long c1 = carryOut(a1, b1, s1);
        long s2 = a2 + b2 + c1;
        long c2 = carryOut(a2, b2, s2);
        long s3 = a3 + b3 + c2;
        subtractIfAtLeast(s0, s1, s2, s3, twoP0, twoP1, twoP2, twoP3, out, oi);
    }

    /** Brings a value in [0, 2p) to its canonical form in [0, p), in place. */
    public void reducePartial(long[] a, int ai) {
        reduceOnceInto(a[ai], a[ai + 1], a[ai + 2], a[ai + 3], a, ai);
    }

    // ---- helpers ----

    private void store(long t0, long t1, long t2, long t3, long[] out, int offset, boolean canonical) {
        if (canonical) {
            reduceOnceInto(t0, t1, t2, t3, out, offset);
        } else {
            out[offset] = t0;
            out[offset + 1] = t1;
            out[offset + 2] = t2;
            out[offset + 3] = t3;
        }
    }

    private void reduceOnceInto(long t0, long t1, long t2, long t3, long[] out, int offset) {
        subtractIfAtLeast(t0, t1, t2, t3, p0, p1, p2, p3, out, offset);
    }

    /** Writes t - m if t >= m, else t (constant time). */
    private static void subtractIfAtLeast(long t0, long t1, long t2, long t3, long m0, long m1, long m2, long m3,
            long[] out, int offset) {
        long d0 = t0 - m0;
        long b0 = borrow(t0, m0, d0);
        long d1 = t1 - m1 - b0;
        long b1 = borrow(t1, m1, d1);
        long d2 = t2 - m2 - b1;
        long b2 = borrow(t2, m2, d2);
        long d3 = t3 - m3 - b2;
        long keepMask = -borrow(t3, m3, d3); // all ones when t < m: keep t
        out[offset] = (t0 & keepMask) | (d0 & ~keepMask);
        out[offset + 1] = (t1 & keepMask) | (d1 & ~keepMask);
        out[offset + 2] = (t2 & keepMask) | (d2 & ~keepMask);
        out[offset + 3] = (t3 & keepMask) | (d3 & ~keepMask);
    }

    private void addModulusIfMasked(long d0, long d1, long d2, long d3, long mask, long[] out, int offset) {
        long q0 = p0 & mask, q1 = p1 & mask, q2 = p2 & mask, q3 = p3 & mask;
        long s0 = d0 + q0;
        long c0 = carryOut(d0, q0, s0);
        long s1 = d1 + q1 + c0;
        long c1 = carryOut(d1, q1, s1);
        long s2 = d2 + q2 + c1;
        long c2 = carryOut(d2, q2, s2);
        out[offset] = s0;
        out[offset + 1] = s1;
        out[offset + 2] = s2;
        out[offset + 3] = d3 + q3 + c2;
    }

    /**
     * 1 if sum = addend + something overflowed, given the wrapped sum: the borrow of sum - addend, in arithmetic
     * rather than a comparison, which C2 may compile to a branch that mispredicts on random limbs (4x slower products
     * on large vectors).
     */
    private static long carry(long sum, long addend) {
        return borrow(sum, addend, sum - addend);
    }

    /** 1 if x != 0, else 0, without a branch. */
    private static long nonZero(long x) {
        return (x | -x) >>> 63;
    }

    /** Carry out of x + y (+ carry in) given the wrapped sum s (Hacker's Delight 2-13). */
    private static long carryOut(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }

    /** Borrow out of x - y (- borrow in) given the wrapped difference d (Hacker's Delight 2-13). */
    private static long borrow(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }

    @Override
    public String toString() {
        return "MontgomeryKernel(p=" + modulus + ")";
    }
}
