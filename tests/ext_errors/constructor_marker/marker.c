/* A library whose constructor leaves a file behind when it runs: loading it as
   an extension must not run it, so the file must never appear. */
#include <stdio.h>

__attribute__((constructor)) static void leave_marker(void) {
    FILE *f = fopen("marker.txt", "w");
    if (f) {
        fputs("the constructor ran\n", f);
        fclose(f);
    }
}

int marker_answer(void) { return 42; }
