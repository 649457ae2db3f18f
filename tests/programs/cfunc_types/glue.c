/* C side of cfunc_types: one function per parameter and result type. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int64_t ct_add(int64_t a, int64_t b) { return a + b; }
int64_t ct_min_int(void) { return INT64_MIN; }
double ct_scale(double x, double by) { return x * by; }
bool ct_both(bool a, bool b) { return a && b; }
/* Any nonzero byte is true to C; the result is _Bool, 0 or 1. */
bool ct_is_odd(int64_t n) { return (n & 1) != 0; }

/* Byte length of a UTF-8 string: non-ASCII text arrives as its UTF-8 bytes. */
int64_t ct_bytes(const char *s) { return (int64_t)strlen(s); }

/* A static buffer: C keeps ownership, Seam copies the text. */
static char shout_buf[256];
const char *ct_shout(const char *s) {
    size_t n = strlen(s);
    if (n >= sizeof shout_buf) n = sizeof shout_buf - 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        shout_buf[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    shout_buf[n] = 0;
    return shout_buf;
}
const char *ct_null_text(void) { return NULL; }
const char *ct_bad_utf8(void) { return "ok\xff"; }
const char *ct_greek(void) { return "\xce\xb1\xce\xb2\xce\xb3 \xe2\x82\xac"; }

/* An opaque handle: a counter owned by C, freed by ct_counter_free. */
struct counter { int64_t total; int64_t calls; };
void *ct_counter_new(int64_t start) {
    struct counter *c = malloc(sizeof *c);
    if (c) { c->total = start; c->calls = 0; }
    return c;
}
void ct_counter_add(void *p, int64_t n) {
    struct counter *c = p;
    c->total += n;
    c->calls++;
}
int64_t ct_counter_total(void *p) { return ((struct counter *)p)->total; }
int64_t ct_counter_calls(void *p) { return ((struct counter *)p)->calls; }
void ct_counter_free(void *p) { free(p); }
void *ct_null(void) { return NULL; }
bool ct_is_null(void *p) { return p == NULL; }
int64_t ct_bytes_plus(const char *s, int64_t n) { return (int64_t)strlen(s) + n; }
