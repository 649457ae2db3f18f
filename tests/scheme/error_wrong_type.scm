; Arithmetic on a non-number.
(display (+ 1 2)) (newline)
(display (+ 1 "2")) (newline)
