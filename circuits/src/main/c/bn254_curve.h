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

static void SUFFIX(window_sum)(const uint64_t *bases, const int32_t *digits, int count, int windows, int window,
                               int bucketCount, uint64_t *bucketMemory, uint64_t *result) {
    SUFFIX(jac) *buckets = (SUFFIX(jac) *)bucketMemory;
    const SUFFIX(aff) *points = (const SUFFIX(aff) *)bases;
    for (int b = 0; b < bucketCount; b++) {
        SUFFIX(set_inf)(&buckets[b]);
    }
    for (int i = 0; i < count; i++) {
        int32_t digit = digits[(size_t)i * windows + window];
        if (digit == 0) continue;
        const SUFFIX(aff) *q = &points[i];
        if (F_IS_ZERO(&q->x) && F_IS_ZERO(&q->y)) continue;
        if (digit > 0) {
            SUFFIX(madd)(&buckets[digit - 1], &buckets[digit - 1], q);
        } else {
            SUFFIX(aff) negated;
            negated.x = q->x;
            F_NEG(&negated.y, &q->y);
            SUFFIX(madd)(&buckets[-digit - 1], &buckets[-digit - 1], &negated);
        }
    }
    SUFFIX(jac) running, sum;
    SUFFIX(set_inf)(&running);
    SUFFIX(set_inf)(&sum);
    for (int b = bucketCount - 1; b >= 0; b--) {
        SUFFIX(add)(&running, &running, &buckets[b]);
        SUFFIX(add)(&sum, &sum, &running);
    }
    memcpy(result, &sum, sizeof(sum));
}
