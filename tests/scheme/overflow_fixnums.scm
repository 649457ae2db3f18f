; not-guile: without the bignums module loaded, an integer result beyond 64
; bits stops the program with "error: integer overflow" (Guile has big
; integers built in, so this expectation is written by hand). Results at the
; bounds themselves are exact.
(display (+ 4611686018427387904 4611686018427387903)) (newline)
(display (* 3037000499 3037000499)) (newline)
(display (- -4611686018427387904 4611686018427387904)) (newline)
(display (quotient -9223372036854775808 1)) (newline)
(display (abs -9223372036854775807)) (newline)
(display (+ 4611686018427387904 4611686018427387904))
(newline)
(display "not reached")
