; Characters: names, codes, write vs display.
(write (list #\a #\Z #\0 #\space #\newline #\tab #\nul #\( #\) #\; #\" #\\)) (newline)
(display (list #\a #\Z #\0 #\( #\))) (newline)
(write (map integer->char '(0 7 8 9 10 11 12 13 27 31 32 65 127 955))) (newline)
(display (map char->integer (list #\a #\A #\space #\newline #\λ))) (newline)
(write #\x41) (write #\delete) (write #\alarm) (write #\backspace) (write #\return) (write #\escape) (newline)
(display (char? #\a)) (display (char? "a")) (display (eqv? #\a (integer->char 97))) (newline)
(write (string->list "a b\n")) (newline)
