; slow
; Arithmetic across the fixnum/bignum boundary: every operation on pairs of
; operands of both signs, the 64-bit limits, and results that shrink back to
; fixnums.
(load-extension "ext/bignums")

(define max-fix 9223372036854775807)
(define min-fix -9223372036854775808)
(define big (expt 2 64))
(define huge (expt 10 40))

(define operands
  (list 0 1 -1 7 -7 1000000000 max-fix min-fix (+ max-fix 1) (- min-fix 1)
        big (- big) huge (- (+ huge 12345))))

(define (show . xs)
  (for-each (lambda (x) (display x) (display " ")) xs)
  (newline))

(for-each
 (lambda (a)
   (for-each
    (lambda (b)
      (show a b '+ (+ a b) '- (- a b) '* (* a b))
      (if (not (zero? b))
          (show a b 'quotient (quotient a b) 'remainder (remainder a b)
                'modulo (modulo a b))))
    operands))
 operands)

(show (+ max-fix 1) (- min-fix 1) (- min-fix) (* min-fix -1) (abs min-fix))
(show (quotient min-fix -1) (remainder min-fix -1) (modulo min-fix -1))
(show (- (+ max-fix 1) 1) (+ (- min-fix 1) 1) (- big big) (+ big (- big)))
(show (* max-fix max-fix) (* min-fix min-fix) (* min-fix max-fix))
(show (+ 1 2 3 max-fix max-fix max-fix) (* 1000000000 1000000000 1000000000 1000000000))
(show (- 0 min-fix) (- big) (abs (- big)) (abs big))
(show (expt 2 62) (expt 2 63) (expt -2 63) (expt -2 64) (expt 3 40) (expt -3 41))
(show (expt big 3) (expt (- big) 3) (expt big 0) (expt 0 0) (expt 1 1000) (expt -1 1001))
(show (expt 10 18) (expt 10 19) (expt 7 100))
