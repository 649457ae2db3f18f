; Irritants of every kind.
(display "start")
(error "bad values:" "str" #\c 42 1.5 '(a "b") 'sym)
