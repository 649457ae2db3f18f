; Numeric comparisons and predicates.
(define (show . xs) (for-each (lambda (x) (display x) (display " ")) xs) (newline))
(show (= 1 1) (= 1 2) (= 1 1 1) (= 1 1 2) (= 1 1.0))
(show (< 1 2) (< 2 1) (< 1 2 3) (< 1 3 2) (< 1.5 2))
(show (> 3 2 1) (> 3 1 2) (<= 1 1 2) (<= 2 1) (>= 2 2 1) (>= 1 2))
(show (zero? 0) (zero? 1) (zero? 0.0) (positive? 5) (positive? -5) (positive? 0) (negative? -1) (negative? 0))
(show (even? 0) (even? 7) (even? -4) (odd? 7) (odd? -3) (odd? 0))
(show (number? 1) (number? 1.5) (number? 'a) (integer? 3) (integer? 3.0) (integer? 3.5) (integer? "3"))
(show (exact? 1) (exact? 1.0) (inexact? 1.5))
