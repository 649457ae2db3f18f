; slow
; 1000! (2568 digits) by a loop, with the bignum module: long multiplications
; by fixnums, and printing a long bignum.
(load-extension "ext/bignums")

(define (fact n)
  (if (= n 0)
      1
      (* n (fact (- n 1)))))

; A loop, and the recursive definition (1000 deep: fine translated; this
; program is `slow`, so it does not run on CPython, whose recursion limit is lower).
(define (fact-iter n)
  (let loop ((i 1) (acc 1))
    (if (> i n)
        acc
        (loop (+ i 1) (* acc i)))))
(display (fact-iter 1000))
(newline)
(display (= (fact-iter 1000) (fact 1000)))
(newline)
(display (string-length (number->string (fact-iter 1000))))
(newline)
