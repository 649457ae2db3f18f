; do loops.
(display (do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 5) acc))) (newline)
(do ((i 0 (+ i 1))) ((= i 3)) (display i) (display " "))
(newline)
(define (vec-sum n) (do ((i 1 (+ i 1)) (s 0 (+ s i))) ((> i n) s)))
(display (vec-sum 100)) (newline)
