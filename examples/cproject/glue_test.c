/* The C glue tested from C, built out of tree by the Makefile with the flags
 * `seam flags` prints: what the modules rely on, checked without Seam. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void *qr_encode(const char *text);
int64_t qr_width(void *code);
bool qr_dark(void *code, int64_t x, int64_t y);
void qr_free(void *code);
int64_t zz_crc32(const char *text);
int64_t zz_adler32(const char *text);
void *zz_compress(const char *text, int64_t level);
const char *zz_decompress(void *handle);
void zz_free(void *handle);

static int failures;

static void expect(bool ok, const char *what) {
    if (!ok) {
        printf("FAILED: %s\n", what);
        failures++;
    }
}

int main(void) {
    expect(zz_crc32("hello, world") == 0xffab723a, "crc32 of \"hello, world\"");
    expect(zz_adler32("hello, world") == 492045449, "adler32 of \"hello, world\"");
    void *packed = zz_compress("abcabcabcabc", 9);
    expect(packed != NULL && strcmp(zz_decompress(packed), "abcabcabcabc") == 0, "round trip");
    zz_free(packed);
    void *code = qr_encode("Seam");
    expect(code != NULL && qr_width(code) == 21, "a version 1 code is 21 modules wide");
    /* The three finder patterns' corners are dark; outside the code is light. */
    expect(qr_dark(code, 0, 0) && qr_dark(code, 20, 0) && qr_dark(code, 0, 20), "finder patterns");
    expect(!qr_dark(code, -1, 0) && !qr_dark(code, 21, 21), "outside the code");
    qr_free(code);
    printf("%s\n", failures ? "glue_test: failed" : "glue_test: ok");
    return failures != 0;
}
