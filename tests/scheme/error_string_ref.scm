; string-ref out of range.
(display (string-ref "abc" 2)) (newline)
(display (string-ref "abc" 3)) (newline)
