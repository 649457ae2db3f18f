; A procedure called with the wrong number of arguments.
(define (f x y) (+ x y))
(display (f 1 2)) (newline)
(f 1)
