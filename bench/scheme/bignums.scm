; Bignum arithmetic: 1000! (2568 digits) computed 200 times by a loop, a long
; bignum multiplied by a fixnum at each step, then printed and reduced.
(load-extension "ext/bignums")
(define (fact n)
  (let loop ((i 1) (acc 1))
    (if (> i n)
        acc
        (loop (+ i 1) (* acc i)))))
(define (repeat k)
  (let loop ((k k) (last 0))
    (if (= k 0)
        last
        (loop (- k 1) (fact 1000)))))
(define f (repeat 200))
(display (string-length (number->string f)))
(newline)
(display (remainder f 1000000007))
(newline)
