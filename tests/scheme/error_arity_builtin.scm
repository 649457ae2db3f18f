; A builtin called with the wrong number of arguments.
(display (cons 1 2)) (newline)
(cons 1 2 3)
