; error with a symbol as its first argument.
(display "go") (newline)
(error 'my-proc "something failed:" 42)
