/* The C side of bench/c: functions as small as their Seam twins in main.py. */
#include <stdint.h>
#include <string.h>

int64_t c_step(int64_t acc, int64_t i) { return (acc ^ i) + 1; }
int64_t c_text_len(const char *s) { return (int64_t)strlen(s); }
