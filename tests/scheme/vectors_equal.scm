; equal? and eqv? on vectors, and vectors inside lists.
(load-extension "ext/vectors")
(define a (vector 1 (list 2 3) "s"))
(define b (vector 1 (list 2 3) "s"))
(display (list (equal? a b) (eqv? a b) (eq? a a) (equal? a (vector 1 2)) (equal? (vector) (vector))))
(newline)
(display (equal? (list 1 a) (list 1 b))) (newline)
(display (member b (list 1 a))) (newline)
(display (assoc (vector 1) (list (cons (vector 1) 'found)))) (newline)
