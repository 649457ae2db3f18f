; eq?, eqv?, equal? across types.
(define (row . xs) (for-each (lambda (x) (display x) (display " ")) xs) (newline))
(row (eq? 'a 'a) (eq? 100000 100000) (eq? #\a #\a) (eq? '() '()) (eq? "" "x"))
(row (eqv? 2 2) (eqv? 2 2.0) (eqv? 2.0 2.0) (eqv? '(1) '(1)) (eqv? car car))
(row (equal? '(1 (2 "x")) '(1 (2 "x"))) (equal? "ab" "ab") (equal? 1.5 1.5) (equal? #\a #\b) (equal? '() '()))
(define p (list 1 2))
(row (eq? p p) (eqv? p p) (equal? p (list 1 2)) (eq? p (list 1 2)))
