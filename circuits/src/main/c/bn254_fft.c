/*
 * Radix-2 FFT butterflies over the BN254 scalar field Fr, called from dev.obsidian.circuits.fft.NativeFft; included
 * by bn254_msm.c (one library). Elements are the Java MontgomeryKernel's limbs (R = 2^256, fully reduced,
 * little-endian 4x64). The arithmetic is bn254_msm.c's, for the modulus r instead of p: the product is the same
 * "no-carry" operand scanning (r's top limb is below 2^62 too).
 */

static const uint64_t R_MOD[4] = {0x43e1f593f0000001ULL, 0x2833e84879b97091ULL, 0xb85045b68181585dULL,
                                  0x30644e72e131a029ULL};
static const uint64_t R_INV = 0xc2e1f593efffffffULL; /* -r^-1 mod 2^64 */

typedef struct { uint64_t v[4]; } fr;

#if defined(__x86_64__)
/* as bn254_msm.c's fp_add / fp_sub: carries in the flags (adc/sbb) */
static inline void fr_select_reduced(uint64_t t0, uint64_t t1, uint64_t t2, uint64_t t3, fr *out) {
    ull d0, d1, d2, d3;
    unsigned char w = _subborrow_u64(0, t0, R_MOD[0], &d0);
    w = _subborrow_u64(w, t1, R_MOD[1], &d1);
    w = _subborrow_u64(w, t2, R_MOD[2], &d2);
    w = _subborrow_u64(w, t3, R_MOD[3], &d3);
    uint64_t keep = (uint64_t)0 - (uint64_t)w; /* all ones when t < r */
    out->v[0] = (t0 & keep) | (d0 & ~keep);
    out->v[1] = (t1 & keep) | (d1 & ~keep);
    out->v[2] = (t2 & keep) | (d2 & ~keep);
    out->v[3] = (t3 & keep) | (d3 & ~keep);
}

static inline void fr_add(fr *out, const fr *a, const fr *b) {
    ull s0, s1, s2, s3;
    unsigned char c = _addcarry_u64(0, a->v[0], b->v[0], &s0);
    c = _addcarry_u64(c, a->v[1], b->v[1], &s1);
    c = _addcarry_u64(c, a->v[2], b->v[2], &s2);
    (void)_addcarry_u64(c, a->v[3], b->v[3], &s3); /* a + b < 2r < 2^255: no carry out */
    fr_select_reduced(s0, s1, s2, s3, out);
}

static inline void fr_sub(fr *out, const fr *a, const fr *b) {
    ull d0, d1, d2, d3;
    unsigned char w = _subborrow_u64(0, a->v[0], b->v[0], &d0);
    w = _subborrow_u64(w, a->v[1], b->v[1], &d1);
    w = _subborrow_u64(w, a->v[2], b->v[2], &d2);
    w = _subborrow_u64(w, a->v[3], b->v[3], &d3);
    uint64_t mask = (uint64_t)0 - (uint64_t)w; /* add r back when a < b */
    ull r0, r1, r2, r3;
    unsigned char c = _addcarry_u64(0, d0, R_MOD[0] & mask, &r0);
    c = _addcarry_u64(c, d1, R_MOD[1] & mask, &r1);
    c = _addcarry_u64(c, d2, R_MOD[2] & mask, &r2);
    (void)_addcarry_u64(c, d3, R_MOD[3] & mask, &r3);
    out->v[0] = r0; out->v[1] = r1; out->v[2] = r2; out->v[3] = r3;
}
#else
static inline void fr_select_reduced(uint64_t t0, uint64_t t1, uint64_t t2, uint64_t t3, fr *out) {
    uint64_t t[4] = {t0, t1, t2, t3}, d[4];
    u128 borrow = 0;
    for (int i = 0; i < 4; i++) {
        u128 diff = (u128)t[i] - R_MOD[i] - borrow;
        d[i] = (uint64_t)diff;
        borrow = (diff >> 64) & 1;
    }
    uint64_t keep = (uint64_t)0 - (uint64_t)borrow; /* all ones when t < r */
    for (int i = 0; i < 4; i++) {
        out->v[i] = (t[i] & keep) | (d[i] & ~keep);
    }
}

static inline void fr_add(fr *out, const fr *a, const fr *b) {
    uint64_t t[4];
    u128 carry = 0;
    for (int i = 0; i < 4; i++) {
        u128 s = (u128)a->v[i] + b->v[i] + carry;
        t[i] = (uint64_t)s;
        carry = s >> 64;
    }
    fr_select_reduced(t[0], t[1], t[2], t[3], out); /* a + b < 2r < 2^255: no carry out */
}

static inline void fr_sub(fr *out, const fr *a, const fr *b) {
    uint64_t t[4];
    u128 borrow = 0;
    for (int i = 0; i < 4; i++) {
        u128 d = (u128)a->v[i] - b->v[i] - borrow;
        t[i] = (uint64_t)d;
        borrow = (d >> 64) & 1;
    }
    uint64_t mask = (uint64_t)0 - (uint64_t)borrow; /* add r back when a < b */
    u128 carry = 0;
    for (int i = 0; i < 4; i++) {
        u128 s = (u128)t[i] + (R_MOD[i] & mask) + carry;
        out->v[i] = (uint64_t)s;
        carry = s >> 64;
    }
}

#endif

static inline void fr_mul_generic(fr *out, const fr *a, const fr *b) {
    uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t bi = b->v[i];
        u128 s = (u128)a->v[0] * bi + t0;
        uint64_t A = (uint64_t)(s >> 64);
        uint64_t lo = (uint64_t)s;
        uint64_t m = lo * R_INV;
        uint64_t C = (uint64_t)(((u128)m * R_MOD[0] + lo) >> 64);
        s = (u128)a->v[1] * bi + t1 + A;
        A = (uint64_t)(s >> 64);
        u128 r = (u128)m * R_MOD[1] + (uint64_t)s + C;
        t0 = (uint64_t)r;
        C = (uint64_t)(r >> 64);
        s = (u128)a->v[2] * bi + t2 + A;
        A = (uint64_t)(s >> 64);
        r = (u128)m * R_MOD[2] + (uint64_t)s + C;
        t1 = (uint64_t)r;
        C = (uint64_t)(r >> 64);
        s = (u128)a->v[3] * bi + t3 + A;
        A = (uint64_t)(s >> 64);
        r = (u128)m * R_MOD[3] + (uint64_t)s + C;
        t2 = (uint64_t)r;
        C = (uint64_t)(r >> 64);
        t3 = C + A;
    }
    fr_select_reduced(t0, t1, t2, t3, out);
}

#if defined(__x86_64__)
static inline void fr_mul(fr *out, const fr *a, const fr *b) {
    if (use_adx) {
        uint64_t t[4];
        mont_mul_adx(t, a->v, b->v, R_MOD, R_INV);
        fr_select_reduced(t[0], t[1], t[2], t[3], out);
    } else {
        fr_mul_generic(out, a, b);
    }
}
#else
static inline void fr_mul(fr *out, const fr *a, const fr *b) { fr_mul_generic(out, a, b); }
#endif

/*
 * butterflies(a, roots, size, fromLen, toLen, from, to): for each stage len = fromLen, 2·fromLen, ..., toLen
 * (powers of two), butterflies from..to-1 of that stage, exactly as Domain.butterflies: butterfly k is position
 * j = k mod half in block k / half (half = len / 2), (u, v) -> (u + ω^(j·size/len)·v, u - ω^(j·size/len)·v).
 */
JNIEXPORT void JNICALL Java_dev_obsidian_circuits_fft_NativeFft_butterflies(JNIEnv *env, jclass cls,
        jlongArray valuesArray, jlongArray rootsArray, jint size, jint fromLen, jint toLen, jint from, jint to) {
    (void)cls;
    jlong *values = (*env)->GetPrimitiveArrayCritical(env, valuesArray, NULL);
    jlong *rootValues = (*env)->GetPrimitiveArrayCritical(env, rootsArray, NULL);
    fr *a = (fr *)values;
    const fr *roots = (const fr *)rootValues;
    for (long len = fromLen; len <= toLen; len <<= 1) {
        int half = (int)(len >> 1);
        int stride = (int)(size / len);
        for (int k = from; k < to; k++) {
            int j = k & (half - 1);
            size_t top = ((size_t)(k - j) << 1) + (size_t)j;
            size_t bottom = top + (size_t)half;
            fr t;
            fr_mul(&t, &a[bottom], &roots[(size_t)j * (size_t)stride]);
            fr_sub(&a[bottom], &a[top], &t);
            fr_add(&a[top], &a[top], &t);
        }
    }
    (*env)->ReleasePrimitiveArrayCritical(env, rootsArray, rootValues, JNI_ABORT);
    (*env)->ReleasePrimitiveArrayCritical(env, valuesArray, values, 0);
}
