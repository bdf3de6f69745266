/*
 * Pippenger bucket accumulation for BN254 G1 and G2 (one c-bit window), called from
 * dev.obsidian.circuits.msm.NativeMsm. Field elements are the same Montgomery limbs (R = 2^256, fully reduced,
 * little-endian 4x64) as the Java MontgomeryKernel, so points cross the boundary unchanged. Our own code; the only
 * facts used are the BN254 base field modulus and the a = 0 Jacobian formulas (dbl-2009-l, madd-2007-bl,
 * add-2007-bl of the Explicit-Formulas Database).
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned __int128 u128;
typedef struct { uint64_t v[4]; } fp;
typedef struct { fp c0, c1; } fp2;

static const uint64_t P[4] = {0x3c208c16d87cfd47ULL, 0x97816a916871ca8dULL, 0xb85045b68181585dULL,
                              0x30644e72e131a029ULL};
static const uint64_t INV = 0x87d20782e4866389ULL; /* -p^-1 mod 2^64 */
static const fp ONE = {{0xd35d438dc58f0d9dULL, 0x0a78eb28f5c70b3dULL, 0x666ea36f7879462cULL,
                        0x0e0a77c19a07df2fULL}};

#if defined(__x86_64__)
#include <x86intrin.h>
/* add/sub with carry chains the compiler turns into adc/sbb (x86-64); the generic version below elsewhere */
typedef unsigned long long ull;

/* t - p if t >= p, else t; branch-free (the outcome is data-dependent and would mispredict half the time). */
static inline void fp_reduce_once(uint64_t t[4], fp *out) {
    ull d0, d1, d2, d3;
    unsigned char b = _subborrow_u64(0, t[0], P[0], &d0);
    b = _subborrow_u64(b, t[1], P[1], &d1);
    b = _subborrow_u64(b, t[2], P[2], &d2);
    b = _subborrow_u64(b, t[3], P[3], &d3);
    uint64_t keep = (uint64_t)0 - (uint64_t)b; /* all ones when t < p */
    out->v[0] = (t[0] & keep) | (d0 & ~keep);
    out->v[1] = (t[1] & keep) | (d1 & ~keep);
    out->v[2] = (t[2] & keep) | (d2 & ~keep);
    out->v[3] = (t[3] & keep) | (d3 & ~keep);
}

static inline void fp_add(fp *out, const fp *a, const fp *b) {
    ull s0, s1, s2, s3, d0, d1, d2, d3;
    unsigned char c = _addcarry_u64(0, a->v[0], b->v[0], &s0);
    c = _addcarry_u64(c, a->v[1], b->v[1], &s1);
    c = _addcarry_u64(c, a->v[2], b->v[2], &s2);
    (void)_addcarry_u64(c, a->v[3], b->v[3], &s3); /* a + b < 2p < 2^255: no carry out */
    unsigned char w = _subborrow_u64(0, s0, P[0], &d0);
    w = _subborrow_u64(w, s1, P[1], &d1);
    w = _subborrow_u64(w, s2, P[2], &d2);
    w = _subborrow_u64(w, s3, P[3], &d3);
    uint64_t keep = (uint64_t)0 - (uint64_t)w; /* all ones when the sum is below p */
    out->v[0] = (s0 & keep) | (d0 & ~keep);
    out->v[1] = (s1 & keep) | (d1 & ~keep);
    out->v[2] = (s2 & keep) | (d2 & ~keep);
    out->v[3] = (s3 & keep) | (d3 & ~keep);
}

static inline void fp_sub(fp *out, const fp *a, const fp *b) {
    ull d0, d1, d2, d3;
    unsigned char w = _subborrow_u64(0, a->v[0], b->v[0], &d0);
    w = _subborrow_u64(w, a->v[1], b->v[1], &d1);
    w = _subborrow_u64(w, a->v[2], b->v[2], &d2);
    w = _subborrow_u64(w, a->v[3], b->v[3], &d3);
    uint64_t mask = (uint64_t)0 - (uint64_t)w; /* add p back when a < b */
    ull r0, r1, r2, r3;
    unsigned char c = _addcarry_u64(0, d0, P[0] & mask, &r0);
    c = _addcarry_u64(c, d1, P[1] & mask, &r1);
    c = _addcarry_u64(c, d2, P[2] & mask, &r2);
    (void)_addcarry_u64(c, d3, P[3] & mask, &r3);
    out->v[0] = r0; out->v[1] = r1; out->v[2] = r2; out->v[3] = r3;
}
#else
/* t - p if t >= p, else t; branch-free (the outcome is data-dependent and would mispredict half the time). */
static inline void fp_reduce_once(uint64_t t[4], fp *out) {
    uint64_t d[4];
    u128 borrow = 0;
    for (int i = 0; i < 4; i++) {
        u128 diff = (u128)t[i] - P[i] - borrow;
        d[i] = (uint64_t)diff;
        borrow = (diff >> 64) & 1;
    }
    uint64_t keep = (uint64_t)0 - (uint64_t)borrow; /* all ones when t < p */
    for (int i = 0; i < 4; i++) {
        out->v[i] = (t[i] & keep) | (d[i] & ~keep);
    }
}

static inline void fp_add(fp *out, const fp *a, const fp *b) {
    uint64_t t[4];
    u128 carry = 0;
    for (int i = 0; i < 4; i++) {
        u128 s = (u128)a->v[i] + b->v[i] + carry;
        t[i] = (uint64_t)s;
        carry = s >> 64;
    }
    fp_reduce_once(t, out); /* a + b < 2p < 2^255: no carry out */
}

static inline void fp_sub(fp *out, const fp *a, const fp *b) {
    uint64_t t[4];
    u128 borrow = 0;
    for (int i = 0; i < 4; i++) {
        u128 d = (u128)a->v[i] - b->v[i] - borrow;
        t[i] = (uint64_t)d;
        borrow = (d >> 64) & 1;
    }
    uint64_t mask = (uint64_t)0 - (uint64_t)borrow; /* add p back when a < b */
    u128 carry = 0;
    for (int i = 0; i < 4; i++) {
        u128 s = (u128)t[i] + (P[i] & mask) + carry;
        out->v[i] = (uint64_t)s;
        carry = s >> 64;
    }
}
#endif

static inline void fp_neg(fp *out, const fp *a) {
    fp zero = {{0, 0, 0, 0}};
    fp_sub(out, &zero, a);
}

/*
 * Montgomery product by operand scanning. The top limb of p is below 2^62, so the running total never needs a
 * fifth limb: each row folds a[j]·b[i] and m·p[j] into the same four limbs (the "no-carry" variant of CIOS).
 */
static inline void fp_mul_generic(fp *out, const fp *a, const fp *b) {
    uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t bi = b->v[i];
        u128 s = (u128)a->v[0] * bi + t0;
        uint64_t A = (uint64_t)(s >> 64);
        uint64_t lo = (uint64_t)s;
        uint64_t m = lo * INV;
        uint64_t C = (uint64_t)(((u128)m * P[0] + lo) >> 64);
        s = (u128)a->v[1] * bi + t1 + A;
        A = (uint64_t)(s >> 64);
        u128 r = (u128)m * P[1] + (uint64_t)s + C;
        t0 = (uint64_t)r;
        C = (uint64_t)(r >> 64);
        s = (u128)a->v[2] * bi + t2 + A;
        A = (uint64_t)(s >> 64);
        r = (u128)m * P[2] + (uint64_t)s + C;
        t1 = (uint64_t)r;
        C = (uint64_t)(r >> 64);
        s = (u128)a->v[3] * bi + t3 + A;
        A = (uint64_t)(s >> 64);
        r = (u128)m * P[3] + (uint64_t)s + C;
        t2 = (uint64_t)r;
        C = (uint64_t)(r >> 64);
        t3 = C + A;
    }
    uint64_t t[4] = {t0, t1, t2, t3};
    fp_reduce_once(t, out);
}

#if defined(__x86_64__)
/*
 * The same product with BMI2/ADX: mulx leaves the flags alone, and adox/adcx keep two independent carry chains (the
 * low and the high halves of the limb products), so a row is 8 mulx and 16 additions with no carry bookkeeping.
 * Writes the (< 2p) result's four limbs to t; the caller reduces once for its modulus m (inv = -m^-1 mod 2^64).
 * Used only when the CPU has both extensions (checked once at load), else the C code above.
 */
static inline void mont_mul_adx(uint64_t t[4], const uint64_t *a, const uint64_t *b, const uint64_t *m,
                                uint64_t inv) {
    uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4, lo, hi, z;
    for (int i = 0; i < 4; i++) {
        __asm__(
            "movq %[bi], %%rdx\n\t"
            "xorl %k[z], %k[z]\n\t"          /* z = 0, CF = OF = 0 */
            "mulxq %[a0], %[lo], %[hi]\n\t"  /* t += a * b_i */
            "adoxq %[lo], %[t0]\n\t"
            "adcxq %[hi], %[t1]\n\t"
            "mulxq %[a1], %[lo], %[hi]\n\t"
            "adoxq %[lo], %[t1]\n\t"
            "adcxq %[hi], %[t2]\n\t"
            "mulxq %[a2], %[lo], %[hi]\n\t"
            "adoxq %[lo], %[t2]\n\t"
            "adcxq %[hi], %[t3]\n\t"
            "mulxq %[a3], %[lo], %[hi]\n\t"
            "adoxq %[lo], %[t3]\n\t"
            "movq $0, %[t4]\n\t"
            "adcxq %[hi], %[t4]\n\t"
            "adoxq %[z], %[t4]\n\t"
            "movq %[t0], %%rdx\n\t"          /* q = t0 * inv: t += q * m zeroes the low limb */
            "imulq %[inv], %%rdx\n\t"
            "xorl %k[z], %k[z]\n\t"
            "mulxq %[m0], %[lo], %[hi]\n\t"
            "adoxq %[lo], %[t0]\n\t"
            "adcxq %[hi], %[t1]\n\t"
            "mulxq %[m1], %[lo], %[hi]\n\t"
            "adoxq %[lo], %[t1]\n\t"
            "adcxq %[hi], %[t2]\n\t"
            "mulxq %[m2], %[lo], %[hi]\n\t"
            "adoxq %[lo], %[t2]\n\t"
            "adcxq %[hi], %[t3]\n\t"
            "mulxq %[m3], %[lo], %[hi]\n\t"
            "adoxq %[lo], %[t3]\n\t"
            "adcxq %[hi], %[t4]\n\t"
            "adoxq %[z], %[t4]\n\t"
            : [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "=&r"(t4), [lo] "=&r"(lo),
              [hi] "=&r"(hi), [z] "=&r"(z)
            : [bi] "r"(b[i]), [a0] "m"(a[0]), [a1] "m"(a[1]), [a2] "m"(a[2]), [a3] "m"(a[3]),
              [m0] "m"(m[0]), [m1] "m"(m[1]), [m2] "m"(m[2]), [m3] "m"(m[3]), [inv] "r"(inv)
            : "rdx", "cc");
        t0 = t1; /* the zeroed low limb drops: shift one limb */
        t1 = t2;
        t2 = t3;
        t3 = t4;
    }
    t[0] = t0;
    t[1] = t1;
    t[2] = t2;
    t[3] = t3;
}

/* Set once when the library loads: the CPU has mulx and adox/adcx, and OBSIDIAN_NATIVE_NO_ADX is not set. */
static int use_adx;

__attribute__((constructor)) static void detect_adx(void) {
    const char *off = getenv("OBSIDIAN_NATIVE_NO_ADX");
    __builtin_cpu_init();
    use_adx = __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("adx") && !(off && *off && *off != '0');
}

static inline void fp_mul(fp *out, const fp *a, const fp *b) {
    if (use_adx) {
        uint64_t t[4];
        mont_mul_adx(t, a->v, b->v, P, INV);
        fp_reduce_once(t, out);
    } else {
        fp_mul_generic(out, a, b);
    }
}
#else
static inline void fp_mul(fp *out, const fp *a, const fp *b) { fp_mul_generic(out, a, b); }
#endif

static inline int fp_is_zero(const fp *a) {
    return (a->v[0] | a->v[1] | a->v[2] | a->v[3]) == 0;
}

static inline int fp_eq(const fp *a, const fp *b) {
    return memcmp(a->v, b->v, 32) == 0;
}

/* ---- Fq2 = Fq[u]/(u^2 + 1) ---- */

static inline void fp2_add(fp2 *o, const fp2 *a, const fp2 *b) { fp_add(&o->c0, &a->c0, &b->c0); fp_add(&o->c1, &a->c1, &b->c1); }
static inline void fp2_sub(fp2 *o, const fp2 *a, const fp2 *b) { fp_sub(&o->c0, &a->c0, &b->c0); fp_sub(&o->c1, &a->c1, &b->c1); }
static inline void fp2_neg(fp2 *o, const fp2 *a) { fp_neg(&o->c0, &a->c0); fp_neg(&o->c1, &a->c1); }
static inline int fp2_is_zero(const fp2 *a) { return fp_is_zero(&a->c0) && fp_is_zero(&a->c1); }
static inline int fp2_eq(const fp2 *a, const fp2 *b) { return fp_eq(&a->c0, &b->c0) && fp_eq(&a->c1, &b->c1); }

static inline void fp2_mul(fp2 *o, const fp2 *a, const fp2 *b) {
    fp v0, v1, sa, sb, cross;
    fp_mul(&v0, &a->c0, &b->c0);
    fp_mul(&v1, &a->c1, &b->c1);
    fp_add(&sa, &a->c0, &a->c1);
    fp_add(&sb, &b->c0, &b->c1);
    fp_mul(&cross, &sa, &sb);
    fp_sub(&cross, &cross, &v0);
    fp_sub(&o->c1, &cross, &v1);
    fp_sub(&o->c0, &v0, &v1);
}

static inline void fp2_sqr(fp2 *o, const fp2 *a) {
    fp s, d, ab;
    fp_add(&s, &a->c0, &a->c1);
    fp_sub(&d, &a->c0, &a->c1);
    fp_mul(&ab, &a->c0, &a->c1);
    fp_mul(&o->c0, &s, &d);
    fp_add(&o->c1, &ab, &ab);
}

static inline void fp_sqr(fp *o, const fp *a) { fp_mul(o, a, a); }

/* 1/a = a^(p-2) (Fermat), square-and-multiply over the bits of p - 2; the caller rejects zero. */
static void fp_inv(fp *o, const fp *a) {
    static const uint64_t E[4] = {0x3c208c16d87cfd45ULL, 0x97816a916871ca8dULL, 0xb85045b68181585dULL,
                                  0x30644e72e131a029ULL};
    fp result = ONE, base = *a;
    for (int i = 0; i < 256; i++) {
        if ((E[i / 64] >> (i % 64)) & 1) fp_mul(&result, &result, &base);
        fp_mul(&base, &base, &base);
    }
    *o = result;
}

/* 1/(a + bu) = (a - bu)/(a² + b²) */
static void fp2_inv(fp2 *o, const fp2 *x) {
    fp n, t, inv;
    fp_mul(&n, &x->c0, &x->c0);
    fp_mul(&t, &x->c1, &x->c1);
    fp_add(&n, &n, &t);
    fp_inv(&inv, &n);
    fp_mul(&o->c0, &x->c0, &inv);
    fp_neg(&t, &x->c1);
    fp_mul(&o->c1, &t, &inv);
}

/* ---- the curve code, instantiated for G1 (fp) and G2 (fp2) ---- */

#define F fp
#define F_ADD fp_add
#define F_SUB fp_sub
#define F_NEG fp_neg
#define F_MUL fp_mul
#define F_SQR fp_sqr
#define F_IS_ZERO fp_is_zero
#define F_EQ fp_eq
#define F_INV fp_inv
#define F_SET_ONE(x) do { (x)->v[0] = ONE.v[0]; (x)->v[1] = ONE.v[1]; (x)->v[2] = ONE.v[2]; (x)->v[3] = ONE.v[3]; } while (0)
#define SUFFIX(name) name##_g1
#include "bn254_curve.h"
#undef F
#undef F_ADD
#undef F_SUB
#undef F_NEG
#undef F_MUL
#undef F_SQR
#undef F_IS_ZERO
#undef F_EQ
#undef F_INV
#undef F_SET_ONE
#undef SUFFIX

#define F fp2
#define F_ADD fp2_add
#define F_SUB fp2_sub
#define F_NEG fp2_neg
#define F_MUL fp2_mul
#define F_SQR fp2_sqr
#define F_IS_ZERO fp2_is_zero
#define F_EQ fp2_eq
#define F_INV fp2_inv
#define F_SET_ONE(x) do { (x)->c0 = ONE; memset(&(x)->c1, 0, 32); } while (0)
#define SUFFIX(name) name##_g2
#include "bn254_curve.h"

/*
 * windowSum(g2, bases, digits, count, windows, window, bucketCount, out): Σ_b (b+1)·bucket_b where bucket_b sums
 * ±bases[i] over the points whose digit in this window is ±(b+1); writes a Jacobian point into out[0..3w).
 */
JNIEXPORT void JNICALL Java_dev_obsidian_circuits_msm_NativeMsm_windowSum(JNIEnv *env, jclass cls, jboolean g2,
        jlongArray basesArray, jintArray digitsArray, jint count, jint windows, jint window, jint bucketCount,
        jlongArray outArray) {
    (void)cls;
    int width = g2 ? 24 : 12;
    uint64_t result[24];
    jlong *bases = (*env)->GetPrimitiveArrayCritical(env, basesArray, NULL);
    jint *digits = (*env)->GetPrimitiveArrayCritical(env, digitsArray, NULL);
    int ok = g2
        ? window_sum_affine_g2((const uint64_t *)bases, (const int32_t *)digits, count, windows, window,
                               bucketCount, result)
        : window_sum_affine_g1((const uint64_t *)bases, (const int32_t *)digits, count, windows, window,
                               bucketCount, result);
    (*env)->ReleasePrimitiveArrayCritical(env, digitsArray, digits, JNI_ABORT);
    (*env)->ReleasePrimitiveArrayCritical(env, basesArray, bases, JNI_ABORT);
    if (!ok) {
        (*env)->ThrowNew(env, (*env)->FindClass(env, "java/lang/OutOfMemoryError"), "native msm buckets");
        return;
    }
    (*env)->SetLongArrayRegion(env, outArray, 0, width, (const jlong *)result);
}

/* ---- FFT butterflies over Fr (same library) ---- */
#include "bn254_fft.c"
