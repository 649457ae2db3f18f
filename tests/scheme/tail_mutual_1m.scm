; slow: mutual recursion a million deep in tail position.
(define (my-even? n) (if (= n 0) #t (my-odd? (- n 1))))
(define (my-odd? n) (if (= n 0) #f (my-even? (- n 1))))
(display (my-even? 1000000)) (newline)
(display (my-odd? 1000001)) (newline)
