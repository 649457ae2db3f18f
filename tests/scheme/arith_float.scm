; Floats and how Guile prints them.
(for-each (lambda (x) (display x) (newline))
  (list 1.5 2.0 -0.5 0.0 -0.0 100.0 1000000.0 1e7 12345678.0 123456789.0 1.5e9 1e21 1e22
        0.1 0.25 0.001 0.0001 1.5e-5 3.14159 -2.718281828 (/ 1.0 3) (/ 2.0 3) (* 1.1 1.1)
        (+ 0.1 0.2) 4611686018427387904.0 1.7976931348623157e308 5e-324 123.456 (exact->inexact 7)
        (/ 1.0 0.0) (/ -1.0 0.0) (- 0.0 (/ 1.0 0.0))))
(write (list 1.0 2.5 -3.75)) (newline)
(display (+ 1 2.5)) (display " ") (display (* 2 0.5)) (display " ") (display (- 1.5 2)) (newline)
(display (/ 1 2.0)) (display " ") (display (/ 7.5 2.5)) (newline)
(display (expt 2.0 10)) (display " ") (display (expt 2 0.5)) (display " ") (display (expt 2.5 2)) (newline)
(display (exact->inexact 1)) (display " ") (display (exact->inexact -123456789)) (newline)
(display (max 1 2.0)) (display " ") (display (min 1 2.0)) (newline)
(display (abs -2.5)) (newline)
