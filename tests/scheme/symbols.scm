; Symbols.
(write 'abc) (write 'ABC) (write 'hello-world) (write '+) (write '...) (write '<=?) (newline)
(display (symbol? 'a)) (display (symbol? "a")) (display (eq? 'abc (string->symbol "abc"))) (newline)
(write (string->symbol "with space")) (display " ") (display (string->symbol "with space")) (newline)
(write (symbol->string 'foo)) (newline)
(write '(quote x)) (write ''x) (write '`(a ,b ,@c)) (newline)
(write (list 'quote 'a 'b)) (newline)
