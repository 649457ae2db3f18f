; write escapes what display prints raw.
(define s "tab\there\nnewline \"quoted\" back\\slash")
(display s) (newline)
(write s) (newline)
(write (list->string (map integer->char '(7 27 0 13 1 31 127)))) (newline)
(write "caf\xe9; λ ∑") (newline)
(display "caf\xe9; λ ∑") (newline)
(write (list "a" (list "b" #\c))) (newline)
(display (list "a" (list "b" #\c))) (newline)
(write (string-length "λx")) (newline)
(write (string #\" #\\)) (newline)
(write "line1\
       continued") (newline)
