; Calling something that is not a procedure.
(define x 5)
(display "x is ") (display x) (newline)
(x 3)
