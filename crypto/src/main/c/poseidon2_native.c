/*
 * Native Poseidon2 permutation (t = 4, d = 5, 8 full + 56 partial rounds) over the BN254 scalar field, for
 * dev.obsidian.crypto.hash.NativePoseidon2. The same algorithm as the Java Poseidon2Permutation, in C so that
 * the 64x64->128-bit products and carry chains compile to mul/adc instead of the JIT's longer sequences.
 *
 * Two arithmetic variants, chosen once at init for the CPU at hand (the library is built without -march, so it
 * runs on any x86-64): portable C, and x86-64 assembly using the BMI2/ADX instructions mulx/adcx/adox (Intel since
 * 2014, AMD since Zen), about 30% faster. The multiplier is the bottleneck: a permutation is 488 field products.
 *
 * Field elements are four little-endian 64-bit limbs in Montgomery form (x * 2^256 mod p). Inside the permutation
 * values are kept below 2p rather than p: since 4p < 2^256, a Montgomery product of operands below 2p is already
 * below 2p, so products skip their final subtraction; sums subtract 2p at most once. The state is made canonical
 * (below p) once at the end, so Java sees exactly the limbs its own implementation produces.
 *
 * The round constants and internal diagonal are not repeated here: Java passes them once, in Montgomery form,
 * from Poseidon2Constants (see NativePoseidon2.parameters()). Only the modulus is compiled in (so products can use
 * it as immediate operands), and init() rejects a Java side that disagrees about it.
 */
#include <jni.h>
#include <stdint.h>

typedef uint64_t u64;
typedef unsigned __int128 u128;

enum {
    LIMBS = 4,
    WIDTH = 4,
    STATE_LIMBS = WIDTH * LIMBS,
    FULL_ROUNDS = 8,
    PARTIAL_ROUNDS = 56,
    FULL_CONSTANT_LIMBS = FULL_ROUNDS * WIDTH * LIMBS,
    PARTIAL_CONSTANT_LIMBS = PARTIAL_ROUNDS * LIMBS,
    DIAGONAL_LIMBS = WIDTH * LIMBS,
    /* modulus, then the full-round constants (rounds 0-3 and 4-7), partial-round constants, diagonal minus one */
    PARAMETER_LIMBS = LIMBS + FULL_CONSTANT_LIMBS + PARTIAL_CONSTANT_LIMBS + DIAGONAL_LIMBS,
    /* return codes of init(), mirrored in NativePoseidon2 */
    INIT_OK = 0,
    INIT_WRONG_LENGTH = 1,
    INIT_WRONG_MODULUS = 2
};

/* BN254 scalar field modulus p = 21888242871839275222246405745257275088548364400416034343698204186575808495617 */
#define P0 0x43e1f593f0000001ULL
#define P1 0x2833e84879b97091ULL
#define P2 0xb85045b68181585dULL
#define P3 0x30644e72e131a029ULL
/* 2p, the bound of partially reduced values */
#define TWO_P0 0x87c3eb27e0000002ULL
#define TWO_P1 0x5067d090f372e122ULL
#define TWO_P2 0x70a08b6d0302b0baULL
#define TWO_P3 0x60c89ce5c2634053ULL
/* -p^-1 mod 2^64 */
#define INV 0xc2e1f593efffffffULL

static u64 full_round_constants[FULL_CONSTANT_LIMBS];
static u64 partial_round_constants[PARTIAL_CONSTANT_LIMBS];
static u64 diagonal_minus_one[DIAGONAL_LIMBS];

typedef struct {
    u64 l0, l1, l2, l3;
} fe;

/* Field operations are tiny next to a call: always inlined, so each permutation variant is one straight function. */
#define INLINE static inline __attribute__((always_inline))

INLINE fe load(const u64 *limbs) {
    fe r = {limbs[0], limbs[1], limbs[2], limbs[3]};
    return r;
}

/* Carry and borrow chains: the x86-64 intrinsics compile to adc/sbb; elsewhere plain C with the same meaning. */
#if defined(__x86_64__)
#include <x86intrin.h>
INLINE unsigned char add_carry(unsigned char carry, u64 x, u64 y, u64 *sum) {
    unsigned long long out;
    carry = _addcarry_u64(carry, x, y, &out);
    *sum = out;
    return carry;
}
INLINE unsigned char sub_borrow(unsigned char borrow, u64 x, u64 y, u64 *difference) {
    unsigned long long out;
    borrow = _subborrow_u64(borrow, x, y, &out);
    *difference = out;
    return borrow;
}
#else
INLINE unsigned char add_carry(unsigned char carry, u64 x, u64 y, u64 *sum) {
    u128 t = (u128)x + y + carry;
    *sum = (u64)t;
    return (unsigned char)(t >> 64);
}
INLINE unsigned char sub_borrow(unsigned char borrow, u64 x, u64 y, u64 *difference) {
    u128 t = (u128)x - y - borrow;
    *difference = (u64)t;
    return (unsigned char)((t >> 64) & 1);
}
#endif

/* t - m if t >= m, else t; branch-free so timing does not depend on the data. */
INLINE fe subtract_if_at_least(fe t, u64 m0, u64 m1, u64 m2, u64 m3) {
    fe d;
    unsigned char borrow = sub_borrow(0, t.l0, m0, &d.l0);
    borrow = sub_borrow(borrow, t.l1, m1, &d.l1);
    borrow = sub_borrow(borrow, t.l2, m2, &d.l2);
    borrow = sub_borrow(borrow, t.l3, m3, &d.l3);
    /* select without a data-dependent branch: compilers turn these into conditional moves */
    fe r = {borrow ? t.l0 : d.l0, borrow ? t.l1 : d.l1, borrow ? t.l2 : d.l2, borrow ? t.l3 : d.l3};
    return r;
}

/* a + b for a, b < 2p: the sum is below 4p < 2^256, then brought below 2p. */
INLINE fe add(fe a, fe b) {
    fe s;
    unsigned char carry = add_carry(0, a.l0, b.l0, &s.l0);
    carry = add_carry(carry, a.l1, b.l1, &s.l1);
    carry = add_carry(carry, a.l2, b.l2, &s.l2);
    add_carry(carry, a.l3, b.l3, &s.l3);
    return subtract_if_at_least(s, TWO_P0, TWO_P1, TWO_P2, TWO_P3);
}

/* x*y + z + carry_in as a 128-bit value, which cannot overflow: low half returned, high half to *carry_out. */
INLINE u64 mac(u64 x, u64 y, u64 z, u64 carry_in, u64 *carry_out) {
    u128 t = (u128)x * y + z + carry_in;
    *carry_out = (u64)(t >> 64);
    return (u64)t;
}

/*
 * One row of the coarsely integrated operand scanning product: t = (t + x*b + m*p) / 2^64 with m chosen so the
 * division is exact. The spare top bits of p keep t within four limbs, so no fifth carry word is needed.
 */
#define MUL_ROW(x, b, t0, t1, t2, t3)                                   \
    do {                                                                \
        u64 carry_product, carry_reduction, low, m;                     \
        low = mac((x), (b).l0, t0, 0, &carry_product);                 \
        m = low * INV;                                                  \
        mac(m, P0, low, 0, &carry_reduction);                          \
        low = mac((x), (b).l1, t1, carry_product, &carry_product);     \
        t0 = mac(m, P1, low, carry_reduction, &carry_reduction);       \
        low = mac((x), (b).l2, t2, carry_product, &carry_product);     \
        t1 = mac(m, P2, low, carry_reduction, &carry_reduction);       \
        low = mac((x), (b).l3, t3, carry_product, &carry_product);     \
        t2 = mac(m, P3, low, carry_reduction, &carry_reduction);       \
        t3 = carry_product + carry_reduction;                           \
    } while (0)

/* One row of Montgomery reduction of a 512-bit value: adds m*p*2^(64i) so that limb i becomes zero. */
#define REDUCE_ROW(ri, ri1, ri2, ri3, ri4, pending)                      \
    do {                                                                \
        u64 carry_reduction, m = (ri) * INV;                            \
        mac(m, P0, (ri), 0, &carry_reduction);                         \
        ri1 = mac(m, P1, ri1, carry_reduction, &carry_reduction);      \
        ri2 = mac(m, P2, ri2, carry_reduction, &carry_reduction);      \
        ri3 = mac(m, P3, ri3, carry_reduction, &carry_reduction);      \
        u128 top = (u128)(ri4) + carry_reduction + (pending);          \
        ri4 = (u64)top;                                                 \
        pending = (u64)(top >> 64);                                     \
    } while (0)

/* a * b / 2^256 mod p, below 2p for a, b < 2p (no final subtraction). */
INLINE fe mul(fe a, fe b) {
    u64 t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    MUL_ROW(a.l0, b, t0, t1, t2, t3);
    MUL_ROW(a.l1, b, t0, t1, t2, t3);
    MUL_ROW(a.l2, b, t0, t1, t2, t3);
    MUL_ROW(a.l3, b, t0, t1, t2, t3);
    fe r = {t0, t1, t2, t3};
    return r;
}

/*
 * a^2 / 2^256 mod p, below 2p for a < 2p. The six cross products are computed once and doubled (10 limb products
 * instead of 16; the multiplier is this code's bottleneck), then the 512-bit square is reduced one limb per row.
 */
INLINE fe square(fe a) {
    u64 c, r0, r1, r2, r3, r4, r5, r6, r7;
    /* cross products a_i * a_j, i < j, at r1..r6 */
    r1 = mac(a.l0, a.l1, 0, 0, &c);
    r2 = mac(a.l0, a.l2, 0, c, &c);
    r3 = mac(a.l0, a.l3, 0, c, &c);
    r4 = c;
    r3 = mac(a.l1, a.l2, r3, 0, &c);
    r4 = mac(a.l1, a.l3, r4, c, &c);
    r5 = c;
    r5 = mac(a.l2, a.l3, r5, 0, &c);
    r6 = c;
    /* doubled; a < 2^255 keeps the square, hence r7, within 512 bits */
    r7 = r6 >> 63;
    r6 = (r6 << 1) | (r5 >> 63);
    r5 = (r5 << 1) | (r4 >> 63);
    r4 = (r4 << 1) | (r3 >> 63);
    r3 = (r3 << 1) | (r2 >> 63);
    r2 = (r2 << 1) | (r1 >> 63);
    r1 <<= 1;
    /* plus the squares a_i^2 on the diagonal */
    u64 high0, high1, high2, high3;
    r0 = mac(a.l0, a.l0, 0, 0, &high0);
    u64 low1 = mac(a.l1, a.l1, 0, 0, &high1);
    u64 low2 = mac(a.l2, a.l2, 0, 0, &high2);
    u64 low3 = mac(a.l3, a.l3, 0, 0, &high3);
    unsigned char carry = add_carry(0, r1, high0, &r1);
    carry = add_carry(carry, r2, low1, &r2);
    carry = add_carry(carry, r3, high1, &r3);
    carry = add_carry(carry, r4, low2, &r4);
    carry = add_carry(carry, r5, high2, &r5);
    carry = add_carry(carry, r6, low3, &r6);
    add_carry(carry, r7, high3, &r7);
    /* Montgomery reduction: row i clears r_i; 'pending' is the carry out of r_(i+4), owed to r_(i+5) */
    u64 pending = 0;
    REDUCE_ROW(r0, r1, r2, r3, r4, pending);
    REDUCE_ROW(r1, r2, r3, r4, r5, pending);
    REDUCE_ROW(r2, r3, r4, r5, r6, pending);
    REDUCE_ROW(r3, r4, r5, r6, r7, pending);
    /* the result is below 2p < 2^256, so nothing is pending after the last row */
    fe r = {r4, r5, r6, r7};
    return r;
}

#if defined(__x86_64__)
/*
 * The same product with BMI2/ADX instructions, for CPUs that have them (checked at run time, see init): mulx
 * leaves the flags alone, so the low halves of a row's products accumulate in a carry-flag chain (adcx) while the
 * high halves accumulate in an overflow-flag chain (adox), with no register shuffling between them. Five registers
 * hold the running total; after each reduction its lowest word is zero and becomes the next row's top word.
 */
/* the modulus and -p^-1 mod 2^64 in memory, for the assembly's memory operands */
static const u64 MODULUS_LIMBS[LIMBS] = {P0, P1, P2, P3};
static const u64 INV_LIMB = INV;

#define ADX_ROW(offset, x0, x1, x2, x3, x4)                                  \
    "movq " #offset "(%[a]), %%rdx\n\t"                                     \
    "xorl %k[lo], %k[lo]\n\t" /* clears CF and OF */                        \
    "mulxq 0(%[b]), %[lo], %[hi]\n\t"                                       \
    "adcxq %[lo], %[" #x0 "]\n\t"                                           \
    "adoxq %[hi], %[" #x1 "]\n\t"                                           \
    "mulxq 8(%[b]), %[lo], %[hi]\n\t"                                       \
    "adcxq %[lo], %[" #x1 "]\n\t"                                           \
    "adoxq %[hi], %[" #x2 "]\n\t"                                           \
    "mulxq 16(%[b]), %[lo], %[hi]\n\t"                                      \
    "adcxq %[lo], %[" #x2 "]\n\t"                                           \
    "adoxq %[hi], %[" #x3 "]\n\t"                                           \
    "mulxq 24(%[b]), %[lo], %[hi]\n\t"                                      \
    "adcxq %[lo], %[" #x3 "]\n\t"                                           \
    "adoxq %[hi], %[" #x4 "]\n\t"                                           \
    "movl $0, %k[lo]\n\t" /* mov keeps the flags */                         \
    "adcxq %[lo], %[" #x4 "]\n\t"

/* adds m*p with m = x0 * -p^-1, which clears x0 (the total is then divisible by 2^64) */
#define ADX_REDUCE(x0, x1, x2, x3, x4)                                       \
    "movq %[" #x0 "], %%rdx\n\t"                                            \
    "imulq %[inv], %%rdx\n\t"                                               \
    "xorl %k[lo], %k[lo]\n\t"                                               \
    "mulxq %[p0], %[lo], %[hi]\n\t"                                         \
    "adcxq %[lo], %[" #x0 "]\n\t"                                           \
    "adoxq %[hi], %[" #x1 "]\n\t"                                           \
    "mulxq %[p1], %[lo], %[hi]\n\t"                                         \
    "adcxq %[lo], %[" #x1 "]\n\t"                                           \
    "adoxq %[hi], %[" #x2 "]\n\t"                                           \
    "mulxq %[p2], %[lo], %[hi]\n\t"                                         \
    "adcxq %[lo], %[" #x2 "]\n\t"                                           \
    "adoxq %[hi], %[" #x3 "]\n\t"                                           \
    "mulxq %[p3], %[lo], %[hi]\n\t"                                         \
    "adcxq %[lo], %[" #x3 "]\n\t"                                           \
    "adoxq %[hi], %[" #x4 "]\n\t"                                           \
    "movl $0, %k[lo]\n\t"                                                   \
    "adcxq %[lo], %[" #x4 "]\n\t"

INLINE fe mul_adx(fe a, fe b) {
    u64 t0, t1, t2, t3, t4, lo, hi;
    __asm__(
        /* row 0: the total starts as a0 * b */
        "movq 0(%[a]), %%rdx\n\t"
        "mulxq 0(%[b]), %[t0], %[t1]\n\t"
        "mulxq 8(%[b]), %[lo], %[t2]\n\t"
        "addq %[lo], %[t1]\n\t"
        "mulxq 16(%[b]), %[lo], %[t3]\n\t"
        "adcq %[lo], %[t2]\n\t"
        "mulxq 24(%[b]), %[lo], %[t4]\n\t"
        "adcq %[lo], %[t3]\n\t"
        "adcq $0, %[t4]\n\t"
        ADX_REDUCE(t0, t1, t2, t3, t4)
        ADX_ROW(8, t1, t2, t3, t4, t0)
        ADX_REDUCE(t1, t2, t3, t4, t0)
        ADX_ROW(16, t2, t3, t4, t0, t1)
        ADX_REDUCE(t2, t3, t4, t0, t1)
        ADX_ROW(24, t3, t4, t0, t1, t2)
        ADX_REDUCE(t3, t4, t0, t1, t2)
        : [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [t4] "=&r"(t4), [lo] "=&r"(lo),
          [hi] "=&r"(hi)
        : [a] "r"(&a), [b] "r"(&b), "m"(a), "m"(b), [p0] "m"(MODULUS_LIMBS[0]), [p1] "m"(MODULUS_LIMBS[1]),
          [p2] "m"(MODULUS_LIMBS[2]), [p3] "m"(MODULUS_LIMBS[3]), [inv] "m"(INV_LIMB)
        : "rdx", "cc");
    fe r = {t4, t0, t1, t2};
    return r;
}
#endif

/*
 * The rounds are written once against a product and a squaring passed as compile-time constants; the always-inline
 * helpers let the compiler build one fully inlined permutation per arithmetic variant.
 */
typedef fe (*mul_function)(fe, fe);
typedef fe (*square_function)(fe);

/* x^5, the S-box: two squarings and a product. */
INLINE fe sbox(fe x, mul_function mul, square_function square) {
    fe x2 = square(x);
    fe x4 = square(x2);
    return mul(x4, x);
}

/*
 * The external matrix [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]] by the Poseidon2 paper's chain of 14 additions,
 * the order barretenberg uses too.
 */
INLINE void external_layer(fe s[WIDTH]) {
    fe ab = add(s[0], s[1]);
    fe cd = add(s[2], s[3]);
    fe b2cd = add(add(s[1], s[1]), cd);            /* 2b + c + d */
    fe ab2d = add(add(s[3], s[3]), ab);            /* a + b + 2d */
    fe cd2 = add(cd, cd);
    fe cd4 = add(cd2, cd2);                        /* 4c + 4d */
    fe ab4c6d = add(cd4, ab2d);                    /* a + b + 4c + 6d */
    fe ab2 = add(ab, ab);
    fe ab4 = add(ab2, ab2);                        /* 4a + 4b */
    fe a4b6cd = add(ab4, b2cd);                    /* 4a + 6b + c + d */
    s[0] = add(ab2d, a4b6cd);                      /* 5a + 7b + c + 3d */
    s[1] = a4b6cd;
    s[2] = add(b2cd, ab4c6d);                      /* a + 3b + 5c + 7d */
    s[3] = ab4c6d;
}

/* x_i -> mu_i * x_i + sum(x): diagonal mu_i + 1, ones elsewhere (barretenberg's internal matrix). */
INLINE void internal_layer(fe s[WIDTH], mul_function mul) {
    fe sum = add(add(s[0], s[1]), add(s[2], s[3]));
    for (int i = 0; i < WIDTH; i++) {
        s[i] = add(mul(s[i], load(diagonal_minus_one + i * LIMBS)), sum);
    }
}

/*
 * S-box on x_0 only, then the internal layer, in an order for the assembly variant: the products of the other lanes
 * do not depend on the S-box, so they are interleaved with its chain of squarings and the processor overlaps them
 * instead of waiting on the chain (about 10% faster). The portable C variant runs out of registers this way.
 */
INLINE void partial_round_interleaved(fe s[WIDTH], const u64 *constant, mul_function mul, square_function square) {
    fe x = add(s[0], load(constant));
    fe others = add(add(s[1], s[2]), s[3]);
    fe scaled1 = mul(s[1], load(diagonal_minus_one + 1 * LIMBS));
    fe x2 = square(x);
    fe scaled2 = mul(s[2], load(diagonal_minus_one + 2 * LIMBS));
    fe x4 = square(x2);
    fe scaled3 = mul(s[3], load(diagonal_minus_one + 3 * LIMBS));
    fe x5 = mul(x4, x);
    fe sum = add(x5, others);
    s[0] = add(mul(x5, load(diagonal_minus_one)), sum);
    s[1] = add(scaled1, sum);
    s[2] = add(scaled2, sum);
    s[3] = add(scaled3, sum);
}

INLINE void full_round(fe s[WIDTH], const u64 *constants, mul_function mul, square_function square, int interleave) {
    if (interleave) {
        /* the four S-boxes step by step side by side, as in partial_round_interleaved */
        fe x[WIDTH], x2[WIDTH], x4[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            x[i] = add(s[i], load(constants + i * LIMBS));
        }
        for (int i = 0; i < WIDTH; i++) {
            x2[i] = square(x[i]);
        }
        for (int i = 0; i < WIDTH; i++) {
            x4[i] = square(x2[i]);
        }
        for (int i = 0; i < WIDTH; i++) {
            s[i] = mul(x4[i], x[i]);
        }
    } else {
        for (int i = 0; i < WIDTH; i++) {
            s[i] = sbox(add(s[i], load(constants + i * LIMBS)), mul, square);
        }
    }
    external_layer(s);
}

INLINE void permute_with(u64 state[STATE_LIMBS], mul_function mul, square_function square, int interleave) {
    fe s[WIDTH];
    for (int i = 0; i < WIDTH; i++) {
        s[i] = load(state + i * LIMBS);
    }
    external_layer(s);
    for (int round = 0; round < FULL_ROUNDS / 2; round++) {
        full_round(s, full_round_constants + round * WIDTH * LIMBS, mul, square, interleave);
    }
    for (int round = 0; round < PARTIAL_ROUNDS; round++) {
        if (interleave) {
            partial_round_interleaved(s, partial_round_constants + round * LIMBS, mul, square);
        } else {
            s[0] = sbox(add(s[0], load(partial_round_constants + round * LIMBS)), mul, square);
            internal_layer(s, mul);
        }
    }
    for (int round = FULL_ROUNDS / 2; round < FULL_ROUNDS; round++) {
        full_round(s, full_round_constants + round * WIDTH * LIMBS, mul, square, interleave);
    }
    for (int i = 0; i < WIDTH; i++) {
        fe canonical = subtract_if_at_least(s[i], P0, P1, P2, P3);
        state[i * LIMBS] = canonical.l0;
        state[i * LIMBS + 1] = canonical.l1;
        state[i * LIMBS + 2] = canonical.l2;
        state[i * LIMBS + 3] = canonical.l3;
    }
}

static void permute_portable(u64 state[STATE_LIMBS]) {
    permute_with(state, mul, square, 0);
}

#if defined(__x86_64__)
/* One reduction row of the 512-bit square: clears r_i, and leaves in r_i the carries owed to r_(i+5). */
#define ADX_SQUARE_REDUCE(ri, ri1, ri2, ri3, ri4, carry_in)                   \
    "movq %[" #ri "], %%rdx\n\t"                                            \
    "imulq %[inv], %%rdx\n\t"                                               \
    "xorl %k[lo], %k[lo]\n\t"                                               \
    "mulxq %[p0], %[lo], %[hi]\n\t"                                         \
    "adcxq %[lo], %[" #ri "]\n\t"                                           \
    "adoxq %[hi], %[" #ri1 "]\n\t"                                          \
    "mulxq %[p1], %[lo], %[hi]\n\t"                                         \
    "adcxq %[lo], %[" #ri1 "]\n\t"                                          \
    "adoxq %[hi], %[" #ri2 "]\n\t"                                          \
    "mulxq %[p2], %[lo], %[hi]\n\t"                                         \
    "adcxq %[lo], %[" #ri2 "]\n\t"                                          \
    "adoxq %[hi], %[" #ri3 "]\n\t"                                          \
    "mulxq %[p3], %[lo], %[hi]\n\t"                                         \
    "adcxq %[lo], %[" #ri3 "]\n\t"                                          \
    "adoxq %[hi], %[" #ri4 "]\n\t"                                          \
    "movl $0, %k[lo]\n\t"                                                   \
    "adcxq %[" #carry_in "], %[" #ri4 "]\n\t"                               \
    "adcxq %[lo], %[" #ri "]\n\t" /* r_i was cleared: it takes CF ... */    \
    "adoxq %[lo], %[" #ri "]\n\t" /* ... and OF, both out of r_(i+4) */

/*
 * a^2 with BMI2/ADX: the six cross products once, doubled in a carry-flag chain while the squares on the diagonal
 * go in through an overflow-flag chain, then four reduction rows on the 512-bit result (30 products instead of 36).
 */
INLINE fe square_adx(fe a) {
    u64 r0, r1, r2, r3, r4, r5, r6, r7, lo, hi;
    __asm__(
        /* cross products a_i * a_j (i < j) into r1..r6 */
        "movq 0(%[a]), %%rdx\n\t"
        "mulxq 8(%[a]), %[r1], %[r2]\n\t"
        "mulxq 16(%[a]), %[lo], %[r3]\n\t"
        "addq %[lo], %[r2]\n\t"
        "mulxq 24(%[a]), %[lo], %[r4]\n\t"
        "adcq %[lo], %[r3]\n\t"
        "adcq $0, %[r4]\n\t"
        "movq 8(%[a]), %%rdx\n\t"
        "xorl %k[r5], %k[r5]\n\t"
        "mulxq 16(%[a]), %[lo], %[hi]\n\t"
        "adcxq %[lo], %[r3]\n\t"
        "adoxq %[hi], %[r4]\n\t"
        "mulxq 24(%[a]), %[lo], %[hi]\n\t"
        "adcxq %[lo], %[r4]\n\t"
        "adoxq %[hi], %[r5]\n\t"
        "movq 16(%[a]), %%rdx\n\t"
        "mulxq 24(%[a]), %[lo], %[r6]\n\t"
        "adcxq %[lo], %[r5]\n\t"
        "movl $0, %k[hi]\n\t"
        "adcxq %[hi], %[r6]\n\t"
        "adoxq %[hi], %[r6]\n\t"
        /* doubled (CF chain) plus the squares a_i^2 (OF chain) */
        "xorl %k[r7], %k[r7]\n\t"
        "movq 0(%[a]), %%rdx\n\t"
        "mulxq %%rdx, %[r0], %[hi]\n\t"
        "adcxq %[r1], %[r1]\n\t"
        "adoxq %[hi], %[r1]\n\t"
        "movq 8(%[a]), %%rdx\n\t"
        "mulxq %%rdx, %[lo], %[hi]\n\t"
        "adcxq %[r2], %[r2]\n\t"
        "adoxq %[lo], %[r2]\n\t"
        "adcxq %[r3], %[r3]\n\t"
        "adoxq %[hi], %[r3]\n\t"
        "movq 16(%[a]), %%rdx\n\t"
        "mulxq %%rdx, %[lo], %[hi]\n\t"
        "adcxq %[r4], %[r4]\n\t"
        "adoxq %[lo], %[r4]\n\t"
        "adcxq %[r5], %[r5]\n\t"
        "adoxq %[hi], %[r5]\n\t"
        "movq 24(%[a]), %%rdx\n\t"
        "mulxq %%rdx, %[lo], %[hi]\n\t"
        "adcxq %[r6], %[r6]\n\t"
        "adoxq %[lo], %[r6]\n\t"
        "adcxq %[r7], %[r7]\n\t"
        "adoxq %[hi], %[r7]\n\t"
        /* reduction; the first row has no carries owed, and lo is zero where the macro adds them */
        ADX_SQUARE_REDUCE(r0, r1, r2, r3, r4, lo)
        ADX_SQUARE_REDUCE(r1, r2, r3, r4, r5, r0)
        ADX_SQUARE_REDUCE(r2, r3, r4, r5, r6, r1)
        ADX_SQUARE_REDUCE(r3, r4, r5, r6, r7, r2)
        : [r0] "=&r"(r0), [r1] "=&r"(r1), [r2] "=&r"(r2), [r3] "=&r"(r3), [r4] "=&r"(r4), [r5] "=&r"(r5),
          [r6] "=&r"(r6), [r7] "=&r"(r7), [lo] "=&r"(lo), [hi] "=&r"(hi)
        : [a] "r"(&a), "m"(a), [p0] "m"(MODULUS_LIMBS[0]), [p1] "m"(MODULUS_LIMBS[1]), [p2] "m"(MODULUS_LIMBS[2]),
          [p3] "m"(MODULUS_LIMBS[3]), [inv] "m"(INV_LIMB)
        : "rdx", "cc");
    fe r = {r4, r5, r6, r7};
    return r;
}

static void permute_adx(u64 state[STATE_LIMBS]) {
    permute_with(state, mul_adx, square_adx, 1);
}
#endif

/* The variant for this CPU, chosen by init; variant() reports it (mirrored in NativePoseidon2). */
enum { VARIANT_PORTABLE = 0, VARIANT_BMI2_ADX = 1 };
static void (*permute)(u64 state[STATE_LIMBS]) = permute_portable;
static jint variant = VARIANT_PORTABLE;

static void choose_variant(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("bmi2") && __builtin_cpu_supports("adx")) {
        permute = permute_adx;
        variant = VARIANT_BMI2_ADX;
    }
#endif
}

JNIEXPORT jint JNICALL Java_dev_obsidian_crypto_hash_NativePoseidon2_init(JNIEnv *env, jclass type,
                                                                          jlongArray parameters) {
    (void)type;
    if ((*env)->GetArrayLength(env, parameters) != PARAMETER_LIMBS) {
        return INIT_WRONG_LENGTH;
    }
    jlong modulus[LIMBS];
    (*env)->GetLongArrayRegion(env, parameters, 0, LIMBS, modulus);
    if ((u64)modulus[0] != P0 || (u64)modulus[1] != P1 || (u64)modulus[2] != P2 || (u64)modulus[3] != P3) {
        return INIT_WRONG_MODULUS;
    }
    jsize offset = LIMBS;
    (*env)->GetLongArrayRegion(env, parameters, offset, FULL_CONSTANT_LIMBS, (jlong *)full_round_constants);
    offset += FULL_CONSTANT_LIMBS;
    (*env)->GetLongArrayRegion(env, parameters, offset, PARTIAL_CONSTANT_LIMBS, (jlong *)partial_round_constants);
    offset += PARTIAL_CONSTANT_LIMBS;
    (*env)->GetLongArrayRegion(env, parameters, offset, DIAGONAL_LIMBS, (jlong *)diagonal_minus_one);
    choose_variant();
    return INIT_OK;
}

JNIEXPORT jint JNICALL Java_dev_obsidian_crypto_hash_NativePoseidon2_variant(JNIEnv *env, jclass type) {
    (void)env;
    (void)type;
    return variant;
}

/*
 * Permutes state[0..15] (canonical Montgomery limbs) in place. The region copies cost a few nanoseconds against
 * microseconds of arithmetic and, unlike a critical section, never hold up the garbage collector. A too-short
 * array leaves an ArrayIndexOutOfBoundsException pending, which Java throws on return.
 */
static void permute_array(JNIEnv *env, jlongArray state, void (*permutation)(u64 *)) {
    u64 limbs[STATE_LIMBS];
    (*env)->GetLongArrayRegion(env, state, 0, STATE_LIMBS, (jlong *)limbs);
    if ((*env)->ExceptionCheck(env)) {
        return;
    }
    permutation(limbs);
    (*env)->SetLongArrayRegion(env, state, 0, STATE_LIMBS, (const jlong *)limbs);
}

JNIEXPORT void JNICALL Java_dev_obsidian_crypto_hash_NativePoseidon2_permuteState(JNIEnv *env, jclass type,
                                                                             jlongArray state) {
    (void)type;
    permute_array(env, state, permute);
}

/* The portable variant whatever the CPU, so tests cover it on machines that would pick another. */
JNIEXPORT void JNICALL Java_dev_obsidian_crypto_hash_NativePoseidon2_permuteStatePortable(JNIEnv *env, jclass type,
                                                                                     jlongArray state) {
    (void)type;
    permute_array(env, state, permute_portable);
}
