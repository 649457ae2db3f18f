/* A shared library that is not a Seam extension: no descriptor symbol. */
int foreign_answer(void) { return 42; }
