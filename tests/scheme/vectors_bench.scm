; slow: a vector-heavy loop (the benchmark's program, smaller).
(load-extension "ext/vectors")
(define n 100000)
(define v (make-vector n 0))
(define (fill! i) (when (< i n) (vector-set! v i (* i 2)) (fill! (+ i 1))))
(define (sum i acc) (if (= i n) acc (sum (+ i 1) (+ acc (vector-ref v i)))))
(define (rounds k total) (if (= k 0) total (begin (fill! 0) (rounds (- k 1) (+ total (sum 0 0))))))
(display (rounds 5 0)) (newline)
