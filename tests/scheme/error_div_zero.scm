; Division by zero.
(display (quotient 7 2)) (newline)
(display (quotient 7 0)) (newline)
