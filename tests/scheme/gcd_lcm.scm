; Euclid's algorithm and friends.
(define (my-gcd a b) (if (= b 0) (abs a) (my-gcd b (remainder a b))))
(define (my-lcm a b) (quotient (abs (* a b)) (my-gcd a b)))
(display (list (my-gcd 48 18) (my-gcd -48 18) (my-gcd 17 5) (my-lcm 4 6) (my-lcm 21 6))) (newline)
(define (digits n) (if (< n 10) (list n) (append (digits (quotient n 10)) (list (remainder n 10)))))
(display (digits 9876543210)) (newline)
(define (collatz n) (let loop ((n n) (steps 0)) (cond ((= n 1) steps) ((even? n) (loop (quotient n 2) (+ steps 1))) (else (loop (+ (* 3 n) 1) (+ steps 1))))))
(display (map collatz '(1 7 27 97))) (newline)
