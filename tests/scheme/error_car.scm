; car of the empty list.
(define (first xs) (car xs))
(display (first '(1 2))) (newline)
(display (first '()))
