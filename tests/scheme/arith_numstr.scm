; number->string and string->number.
(write (number->string 42)) (write (number->string -7)) (write (number->string 2.5)) (newline)
(write (number->string 255 16)) (write (number->string 255 2)) (write (number->string 8 8)) (newline)
(write (string->number "42")) (write (string->number "-17")) (write (string->number "2.5")) (newline)
(write (string->number "abc")) (write (string->number "")) (write (string->number "1e3")) (write (string->number ".5")) (newline)
(write (string->number "ff" 16)) (write (string->number "101" 2)) (write (string->number "+5")) (newline)
(display (+ 1 (string->number "41"))) (newline)
