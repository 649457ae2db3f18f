#include <stdint.h>
int64_t core_twice(int64_t n) { return 2 * n; }
