; slow
; Longer computations on bignums: the sum of the digits of 2^1000 (by
; quotient and remainder), Fibonacci numbers by iteration, a binomial
; coefficient and modular exponentiation with a bignum modulus.
(load-extension "ext/bignums")

(define (digit-sum n)
  (let loop ((n n) (acc 0))
    (if (zero? n)
        acc
        (loop (quotient n 10) (+ acc (remainder n 10))))))

(display (digit-sum (expt 2 1000)))
(newline)

(define (fib n)
  (let loop ((i 0) (a 0) (b 1))
    (if (= i n)
        a
        (loop (+ i 1) b (+ a b)))))

(for-each (lambda (n) (display (fib n)) (newline)) '(90 92 93 100 300))

(define (choose n k)
  (let loop ((i 1) (acc 1))
    (if (> i k)
        acc
        (loop (+ i 1) (quotient (* acc (- n (- i 1))) i)))))

(display (choose 100 50))
(newline)

(define (expmod b e m)
  (let loop ((b (modulo b m)) (e e) (acc 1))
    (cond ((= e 0) acc)
          ((odd? e) (loop (modulo (* b b) m) (quotient e 2) (modulo (* acc b) m)))
          (else (loop (modulo (* b b) m) (quotient e 2) acc)))))

(define m (- (expt 2 89) 1))
(display (expmod 3 (- m 1) m))
(newline)
(display (expmod 2 1000 (expt 10 30)))
(newline)
(display (modulo (- (expt 2 100)) 12345678901234567890123))
(newline)
(display (remainder (- (expt 2 100)) 12345678901234567890123))
(newline)
