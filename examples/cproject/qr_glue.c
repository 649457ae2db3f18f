/* Glue between the qr module and libqrencode: a QR code as an opaque handle
 * whose modules (the black and white squares) Seam code reads one by one. */
#include <errno.h>
#include <qrencode.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Encodes UTF-8 text at error-correction level M; NULL when it cannot
 * (the text is too long, or memory ran out). The caller frees it with qr_free. */
void *qr_encode(const char *text) {
    return QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
}

int64_t qr_width(void *code) { return ((QRcode *)code)->width; }
int64_t qr_version(void *code) { return ((QRcode *)code)->version; }

/* Whether the module at column x, row y is dark (bit 0 of its byte). */
bool qr_dark(void *code, int64_t x, int64_t y) {
    QRcode *qr = code;
    if (x < 0 || y < 0 || x >= qr->width || y >= qr->width) return false;
    return (qr->data[y * qr->width + x] & 1) != 0;
}

void qr_free(void *code) { QRcode_free(code); }

/* libqrencode's version string, e.g. "4.1.1". */
const char *qr_library_version(void) { return QRcode_APIVersionString(); }
