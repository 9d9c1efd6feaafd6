# error: 2:5: invalid character '€' (U+20AC)
x = €
