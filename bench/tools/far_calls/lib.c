// The shared-object half of main.c's experiment.
extern long (*volatile fp)(long, long);

// Calls a function of the executable (far away).
long loop_ext(long n) {
  long t = 0;
  for (long i = 0; i < n; i++) {
    long (*f)(long, long) = fp;
    t = f(t, i);
  }
  return t;
}

long work2(long a, long b) { return (a * 31 + b) & 0xffffff; }
long (*volatile fp2)(long, long) = work2;

// Calls a function of this shared object (near).
long loop_near(long n) {
  long t = 0;
  for (long i = 0; i < n; i++) {
    long (*f)(long, long) = fp2;
    t = f(t, i);
  }
  return t;
}
