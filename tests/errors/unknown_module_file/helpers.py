# A helper module that exists.

ONE = 1
