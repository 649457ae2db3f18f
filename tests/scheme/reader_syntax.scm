; Reader edge cases: comments, brackets, dotted pairs, signs.
; a line comment
#| a block comment #| nested |# still comment |#
(display (+ 1 #;(ignored datum) 2)) (newline)
(display [list 1 2]) (newline)
(display '(1 . (2 . (3 . ())))) (newline)
(display '(a . b)) (display '(-1 +2 -3.5 .5 -)) (newline)
(display (list #t #f #true #false)) (newline)
