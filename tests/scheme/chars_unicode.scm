; Characters beyond ASCII: printable ones written as they are, controls, format
; characters, separators and private-use ones escaped, as Guile writes them.
(define codes (quote (133 160 173 233 955 8197 8203 8232 8233 8721 57344 65279 128512 917505 1114111)))
(for-each (lambda (c) (write (integer->char c)) (display " ") (write (string #\[ (integer->char c) #\])) (newline)) codes)
(display (list->string (map integer->char '(233 955 8721 128512)))) (newline)
(write (string-length (list->string (map integer->char codes)))) (newline)
