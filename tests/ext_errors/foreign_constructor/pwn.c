/* A library whose constructor announces that it ran: loading it must not run it. */
#include <unistd.h>

__attribute__((constructor)) static void announce(void) {
    static const char msg[] = "the foreign constructor ran\n";
    (void)write(1, msg, sizeof msg - 1);
}

int foreign_answer(void) { return 42; }
