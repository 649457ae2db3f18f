; A variable that was never defined.
(define (f) (+ 1 undefined-variable))
(display "calling f") (newline)
(f)
