; deep: non-tail recursion a thousand deep, short enough for the GC stress run.
(define (deep n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))
(display (deep 1000)) (newline)
(define (append2 a b) (if (null? a) b (cons (car a) (append2 (cdr a) b))))
(display (length (append2 (list 1 2 3 4 5 6 7 8 9 10) '(11)))) (newline)
