; memq, memv, member, assq, assv, assoc.
(define al '((a . 1) (b . 2) ("c" . 3) (4 . four) ((5) . five)))
(display (assq 'b al)) (display (assq 'z al)) (display (assv 4 al)) (display (assoc "c" al)) (display (assoc '(5) al)) (display (assq "c" al)) (newline)
(display (memq 'c '(a b c d))) (display (memq 'z '(a b))) (display (memv 3 '(1 2 3 4))) (display (member "b" '("a" "b" "c"))) (display (member '(1) '((1) (2)))) (newline)
(display (eq? 'a 'a)) (display (eq? '() '())) (display (eq? 5 5)) (display (eqv? 1.5 1.5)) (display (eqv? "a" "a")) (display (equal? "a" "a")) (newline)
(display (equal? '(1 (2 #(3))) '(1 (2 #(3))))) (display (equal? '(1 2) '(1 2 3))) (display (eqv? #\a #\a)) (display (equal? 1 1.0)) (newline)
