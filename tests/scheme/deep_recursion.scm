; slow: non-tail recursion ten thousand deep (and deeper).
(define (deep n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))
(display (deep 10000)) (newline)
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(display (length (build 10000))) (newline)
(define (sum xs) (if (null? xs) 0 (+ (car xs) (sum (cdr xs)))))
(display (sum (build 50000))) (newline)
(display (length (map (lambda (x) x) (build 100000)))) (newline)
