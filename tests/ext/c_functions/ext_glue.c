/* The extension's C code: checksums of text from zlib, and a string result. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

int64_t ext_crc32(const char *s) {
    return (int64_t)crc32(0L, (const Bytef *)s, (uInt)strlen(s));
}

int64_t ext_adler32(const char *s) {
    return (int64_t)adler32(1L, (const Bytef *)s, (uInt)strlen(s));
}

static char reversed[512];
const char *ext_reverse_bytes_ascii(const char *s) {
    size_t n = strlen(s);
    if (n >= sizeof reversed) n = sizeof reversed - 1;
    for (size_t i = 0; i < n; i++) reversed[i] = s[n - 1 - i];
    reversed[n] = 0;
    return reversed;
}
