// Why calls from an extension into the core cost more (planning/BENCHMARKS.md):
// the same loop of indirect calls, run from the executable and from a shared
// object, calling a function of the executable (far from the .so: a PIE maps
// near 0x55..., shared objects near 0x7f...) or of the .so itself (near).
// Not part of bench/run.sh. Build and run (from this directory):
//   d=$(mktemp -d) && gcc -O2 -fPIC -shared lib.c -o $d/lib.so && gcc -O2 -rdynamic main.c -o $d/far -ldl
//   cd $d && ./far        # .so -> executable (far) against executable -> executable
//   cd $d && ./far near   # .so -> .so (near) against executable -> executable
#include <dlfcn.h>
#include <stdio.h>
#include <time.h>

long work(long a, long b) { return (a * 31 + b) & 0xffffff; }
long (*volatile fp)(long, long) = work;

__attribute__((noinline)) long loop_local(long n) {
  long t = 0;
  for (long i = 0; i < n; i++) {
    long (*f)(long, long) = fp;
    t = f(t, i);
  }
  return t;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  (void)argv;
  void *h = dlopen("./lib.so", RTLD_NOW);
  if (!h) {
    fprintf(stderr, "%s\n", dlerror());
    return 1;
  }
  long (*loop_ext)(long) = (long (*)(long))dlsym(h, argc > 1 ? "loop_near" : "loop_ext");
  long n = 300000000;
  double best_l = 1e9, best_e = 1e9;
  for (int r = 0; r < 5; r++) {
    double t = now();
    long a = loop_local(n);
    t = now() - t;
    if (t < best_l) best_l = t;
    t = now();
    long b = loop_ext(n);
    t = now() - t;
    if (t < best_e) best_e = t;
    if (a != b) return 1;
  }
  printf("executable %.3f s, .so (%s target) %.3f s, ratio %.2f (work at %p, .so loop at %p)\n", best_l,
         argc > 1 ? "near" : "far", best_e, best_e / best_l, (void *)work, (void *)loop_ext);
  return 0;
}
