/* Glue between the zz module and zlib: checksums of text, and compression
 * through a handle that owns its buffers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int64_t zz_crc32(const char *text) {
    return (int64_t)crc32(0L, (const Bytef *)text, (uInt)strlen(text));
}

int64_t zz_adler32(const char *text) {
    return (int64_t)adler32(1L, (const Bytef *)text, (uInt)strlen(text));
}

struct packed {
    uLongf size;      /* compressed bytes */
    uLong original;   /* bytes before compression */
    Bytef *data;
    char *unpacked;   /* the last decompression, NUL-terminated; owned here */
};

/* Compresses text at `level` (0-9); NULL when zlib fails. Free with zz_free. */
void *zz_compress(const char *text, int64_t level) {
    struct packed *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->original = strlen(text);
    p->size = compressBound(p->original);
    p->data = malloc(p->size);
    if (!p->data || compress2(p->data, &p->size, (const Bytef *)text, p->original, (int)level) != Z_OK) {
        free(p->data);
        free(p);
        return NULL;
    }
    return p;
}

int64_t zz_size(void *handle) { return (int64_t)((struct packed *)handle)->size; }
int64_t zz_original(void *handle) { return (int64_t)((struct packed *)handle)->original; }

/* The text back; NULL when zlib fails. Valid until the next call or zz_free. */
const char *zz_decompress(void *handle) {
    struct packed *p = handle;
    free(p->unpacked);
    p->unpacked = malloc(p->original + 1);
    if (!p->unpacked) return NULL;
    uLongf n = p->original;
    if (uncompress((Bytef *)p->unpacked, &n, p->data, p->size) != Z_OK || n != p->original) return NULL;
    p->unpacked[n] = 0;
    return p->unpacked;
}

void zz_free(void *handle) {
    struct packed *p = handle;
    if (!p) return;
    free(p->data);
    free(p->unpacked);
    free(p);
}

const char *zz_library_version(void) { return zlibVersion(); }
