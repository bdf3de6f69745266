/* Jacobian arithmetic on y^2 = x^3 + b (a = 0) over the field F, and one Pippenger window; included by
 * bn254_msm.c once per group with F and its operations defined. Z = 0 is infinity; affine (0, 0) is infinity. */

typedef struct { F x, y, z; } SUFFIX(jac);
typedef struct { F x, y; } SUFFIX(aff);

static inline void SUFFIX(set_inf)(SUFFIX(jac) *p) {
    F_SET_ONE(&p->x);
    F_SET_ONE(&p->y);
    memset(&p->z, 0, sizeof(F));
}

static inline int SUFFIX(is_inf)(const SUFFIX(jac) *p) { return F_IS_ZERO(&p->z); }

static inline void SUFFIX(dbl)(SUFFIX(jac) *o, const SUFFIX(jac) *p) {
    if (SUFFIX(is_inf)(p)) { *o = *p; return; }
    F a, b, c, d, e, f, t;
    F_SQR(&a, &p->x);
    F_SQR(&b, &p->y);
    F_SQR(&c, &b);
    F_ADD(&d, &p->x, &b);
    F_SQR(&d, &d);
    F_SUB(&d, &d, &a);
    F_SUB(&d, &d, &c);
    F_ADD(&d, &d, &d);
    F_ADD(&e, &a, &a);
    F_ADD(&e, &e, &a);
    F_SQR(&f, &e);
    F_MUL(&t, &p->y, &p->z);
    F_ADD(&o->z, &t, &t);
    F_ADD(&t, &d, &d);
    F_SUB(&o->x, &f, &t);
    F_SUB(&t, &d, &o->x);
    F_MUL(&t, &e, &t);
    F_ADD(&c, &c, &c);
    F_ADD(&c, &c, &c);
    F_ADD(&c, &c, &c);
    F_SUB(&o->y, &t, &c);
}

/* o = p + q for affine q (not infinity); o may alias p */
static inline void SUFFIX(madd)(SUFFIX(jac) *o, const SUFFIX(jac) *p, const SUFFIX(aff) *q) {
    if (SUFFIX(is_inf)(p)) {
        o->x = q->x; o->y = q->y; F_SET_ONE(&o->z);
        return;
    }
    F z1z1, u2, s2, h, r, hh, i, j, v, t, y1j;
    F_SQR(&z1z1, &p->z);
    F_MUL(&u2, &q->x, &z1z1);
    F_MUL(&s2, &p->z, &z1z1);
    F_MUL(&s2, &q->y, &s2);
    F_SUB(&h, &u2, &p->x);
    F_SUB(&r, &s2, &p->y);
    if (F_IS_ZERO(&h)) {
        if (F_IS_ZERO(&r)) { SUFFIX(dbl)(o, p); } else { SUFFIX(set_inf)(o); }
        return;
    }
    F_ADD(&r, &r, &r);
    F_SQR(&hh, &h);
    F_ADD(&i, &hh, &hh);
    F_ADD(&i, &i, &i);
    F_MUL(&j, &h, &i);
    F_MUL(&v, &p->x, &i);
    F_ADD(&t, &p->z, &h);
    F_SQR(&t, &t);
    F_SUB(&t, &t, &z1z1);
    F_SUB(&o->z, &t, &hh);
    F_MUL(&y1j, &p->y, &j);
    F_ADD(&y1j, &y1j, &y1j);
    F_SQR(&t, &r);
    F_SUB(&t, &t, &j);
    F_SUB(&t, &t, &v);
    F_SUB(&o->x, &t, &v);
    F_SUB(&t, &v, &o->x);
    F_MUL(&t, &r, &t);
    F_SUB(&o->y, &t, &y1j);
}

/* o = p + q, both Jacobian; o may alias either */
static inline void SUFFIX(add)(SUFFIX(jac) *o, const SUFFIX(jac) *p, const SUFFIX(jac) *q) {
    if (SUFFIX(is_inf)(q)) { *o = *p; return; }
    if (SUFFIX(is_inf)(p)) { *o = *q; return; }
    F z1z1, z2z2, u1, u2, s1, s2, h, r, i, j, v, t, z3;
    F_SQR(&z1z1, &p->z);
    F_SQR(&z2z2, &q->z);
    F_MUL(&u1, &p->x, &z2z2);
    F_MUL(&u2, &q->x, &z1z1);
    F_MUL(&s1, &p->y, &q->z);
    F_MUL(&s1, &s1, &z2z2);
    F_MUL(&s2, &q->y, &p->z);
    F_MUL(&s2, &s2, &z1z1);
    F_SUB(&h, &u2, &u1);
    F_SUB(&r, &s2, &s1);
    if (F_IS_ZERO(&h)) {
        if (F_IS_ZERO(&r)) { SUFFIX(dbl)(o, p); } else { SUFFIX(set_inf)(o); }
        return;
    }
    F_ADD(&r, &r, &r);
    F_ADD(&z3, &p->z, &q->z);
    F_SQR(&z3, &z3);
    F_SUB(&z3, &z3, &z1z1);
    F_SUB(&z3, &z3, &z2z2);
    F_MUL(&z3, &z3, &h);
    F_ADD(&i, &h, &h);
    F_SQR(&i, &i);
    F_MUL(&j, &h, &i);
    F_MUL(&v, &u1, &i);
    F_SQR(&t, &r);
    F_SUB(&t, &t, &j);
    F_SUB(&t, &t, &v);
    F_SUB(&t, &t, &v);
    F x3 = t;
    F_MUL(&s1, &s1, &j);
    F_ADD(&s1, &s1, &s1);
    F_SUB(&v, &v, &x3);
    F_MUL(&v, &r, &v);
    F_SUB(&o->y, &v, &s1);
    o->x = x3;
    o->z = z3;
}

/*
 * One window with the buckets kept affine and filled by batched affine additions: the additions of a batch touch
 * distinct buckets and share one field inversion (Montgomery's trick), about 6 products per addition instead of the
 * 11 of a mixed Jacobian one. A point whose bucket is busy in the current batch goes to that bucket's Jacobian
 * overflow accumulator. Then Σ (b + 1)·bucket_b by a running sum.
 */
typedef struct {
    int count;
    int capacity;
    int *bucket;
    SUFFIX(aff) *point;
    F *den;
    F *prefix;
    unsigned char *kind; /* 0 add, 1 double, 2 cancel */
} SUFFIX(batch);

static void SUFFIX(flush)(SUFFIX(batch) *batch, SUFFIX(aff) *buckets, unsigned char *filled, int *busy) {
    int n = batch->count;
    if (n == 0) return;
    for (int k = 0; k < n; k++) {
        SUFFIX(aff) *b = &buckets[batch->bucket[k]];
        SUFFIX(aff) *p = &batch->point[k];
        F_SUB(&batch->den[k], &p->x, &b->x);
        batch->kind[k] = 0;
        if (F_IS_ZERO(&batch->den[k])) {
            if (F_EQ(&p->y, &b->y) && !F_IS_ZERO(&b->y)) {
                batch->kind[k] = 1;
                F_ADD(&batch->den[k], &b->y, &b->y);
            } else {
                batch->kind[k] = 2;
                F_SET_ONE(&batch->den[k]);
            }
        }
        if (k == 0) {
            batch->prefix[0] = batch->den[0];
        } else {
            F_MUL(&batch->prefix[k], &batch->prefix[k - 1], &batch->den[k]);
        }
    }
    F inv, one_over, slope, t, x3;
    F_INV(&inv, &batch->prefix[n - 1]);
    for (int k = n - 1; k >= 0; k--) {
        if (k > 0) {
            F_MUL(&one_over, &inv, &batch->prefix[k - 1]);
            F_MUL(&inv, &inv, &batch->den[k]);
        } else {
            one_over = inv;
        }
        int bi = batch->bucket[k];
        SUFFIX(aff) *b = &buckets[bi];
        SUFFIX(aff) *p = &batch->point[k];
        busy[bi] = 0;
        if (batch->kind[k] == 2) {
            filled[bi] = 0;
            continue;
        }
        if (batch->kind[k] == 1) {
            F_SQR(&t, &b->x);
            F_ADD(&slope, &t, &t);
            F_ADD(&slope, &slope, &t);
        } else {
            F_SUB(&slope, &p->y, &b->y);
        }
        F_MUL(&slope, &slope, &one_over);
        F_SQR(&x3, &slope);
        F_SUB(&x3, &x3, &b->x);
        F_SUB(&x3, &x3, &p->x);
        F_SUB(&t, &b->x, &x3);
        F_MUL(&t, &slope, &t);
        F_SUB(&b->y, &t, &b->y);
        b->x = x3;
    }
    batch->count = 0;
}

static int SUFFIX(window_sum_affine)(const uint64_t *bases, const int32_t *digits, int count, int windows,
                                      int window, int bucketCount, uint64_t *result) {
    (void)windows; /* digits are stored by window: window * count + i */
    const SUFFIX(aff) *points = (const SUFFIX(aff) *)bases;
    SUFFIX(aff) *buckets = malloc((size_t)bucketCount * sizeof(SUFFIX(aff)));
    SUFFIX(jac) *overflow = malloc((size_t)bucketCount * sizeof(SUFFIX(jac)));
    unsigned char *filled = calloc((size_t)bucketCount, 1);
    unsigned char *overflowUsed = calloc((size_t)bucketCount, 1);
    int *busy = calloc((size_t)bucketCount, sizeof(int));
    SUFFIX(batch) batch;
    batch.count = 0;
    batch.capacity = bucketCount / 4 < 16 ? 16 : (bucketCount / 4 > 1024 ? 1024 : bucketCount / 4);
    batch.bucket = malloc((size_t)batch.capacity * sizeof(int));
    batch.point = malloc((size_t)batch.capacity * sizeof(SUFFIX(aff)));
    batch.den = malloc((size_t)batch.capacity * sizeof(F));
    batch.prefix = malloc((size_t)batch.capacity * sizeof(F));
    batch.kind = malloc((size_t)batch.capacity);
    if (!buckets || !overflow || !filled || !overflowUsed || !busy || !batch.bucket || !batch.point || !batch.den
        || !batch.prefix || !batch.kind) {
        free(buckets); free(overflow); free(filled); free(overflowUsed); free(busy);
        free(batch.bucket); free(batch.point); free(batch.den); free(batch.prefix); free(batch.kind);
        return 0;
    }
    for (int i = 0; i < count; i++) {
        int32_t digit = digits[(size_t)window * count + i];
        if (digit == 0) continue;
        const SUFFIX(aff) *q = &points[i];
        if (F_IS_ZERO(&q->x) && F_IS_ZERO(&q->y)) continue;
        int bi = (digit > 0 ? digit : -digit) - 1;
        SUFFIX(aff) signedPoint;
        signedPoint.x = q->x;
        if (digit > 0) signedPoint.y = q->y; else F_NEG(&signedPoint.y, &q->y);
        if (busy[bi]) {
            if (!overflowUsed[bi]) { SUFFIX(set_inf)(&overflow[bi]); overflowUsed[bi] = 1; }
            SUFFIX(madd)(&overflow[bi], &overflow[bi], &signedPoint);
        } else if (!filled[bi]) {
            buckets[bi] = signedPoint;
            filled[bi] = 1;
        } else {
            int k = batch.count++;
            batch.bucket[k] = bi;
            batch.point[k] = signedPoint;
            busy[bi] = 1;
            if (batch.count == batch.capacity) SUFFIX(flush)(&batch, buckets, filled, busy);
        }
    }
    SUFFIX(flush)(&batch, buckets, filled, busy);
    SUFFIX(jac) running, sum;
    SUFFIX(set_inf)(&running);
    SUFFIX(set_inf)(&sum);
    for (int b = bucketCount - 1; b >= 0; b--) {
        if (filled[b]) SUFFIX(madd)(&running, &running, &buckets[b]);
        if (overflowUsed[b]) SUFFIX(add)(&running, &running, &overflow[b]);
        SUFFIX(add)(&sum, &sum, &running);
    }
    memcpy(result, &sum, sizeof(sum));
    free(buckets); free(overflow); free(filled); free(overflowUsed); free(busy);
    free(batch.bucket); free(batch.point); free(batch.den); free(batch.prefix); free(batch.kind);
    return 1;
}
