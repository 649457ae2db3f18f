; Bignums as text: literals, number->string, string->number, printing inside
; lists and with display and write.
(load-extension "ext/bignums")

(define (show x) (write x) (newline))

(show 123456789012345678901234567890)
(show -123456789012345678901234567890)
(show +99999999999999999999)
(show 00000000000000000000000000012)
(show '(1 18446744073709551616 (-18446744073709551617 . 3)))
(show (list "x" 100000000000000000000 #\a))
(show (number->string (expt 3 50)))
(show (string-length (number->string (expt 2 1000))))
(show (string->number "340282366920938463463374607431768211456"))
(show (string->number "-340282366920938463463374607431768211457"))
(show (+ 1 (string->number "9223372036854775807")))
(show (string->number "9223372036854775808"))
(show (string->number "-9223372036854775808"))
(show (string-append "2^100 = " (number->string (expt 2 100))))
(display (list (expt 2 70) (- (expt 2 70))))
(newline)
(show (string->number (number->string (expt 7 77))))
(show (equal? (string->number (number->string (expt 7 77))) (expt 7 77)))
