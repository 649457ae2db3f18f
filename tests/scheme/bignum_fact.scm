; Factorials past 64 bits: the fixnum product overflows at 21! and the bignum
; module takes over; (fact 30) is the example of the interpreter's README.
(load-extension "ext/bignums")

(define (fact n)
  (if (= n 0)
      1
      (* n (fact (- n 1)))))

(define (show-fact n)
  (display n)
  (display "! = ")
  (display (fact n))
  (newline))

(for-each show-fact '(0 1 5 20 21 22 25 30 50 100))
(write (fact 30))
(newline)
; Dividing back down returns to fixnums.
(define (unfact k n)
  (if (= n 1)
      k
      (unfact (quotient k n) (- n 1))))
(display (unfact (fact 40) 40))
(newline)
(display (quotient (fact 40) (fact 38)))
(newline)
(display (integer? (quotient (fact 30) (fact 29))))
(newline)
