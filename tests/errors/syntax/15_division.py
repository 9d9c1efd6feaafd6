# error: 2:5: true division '/' is not supported (the subset has no floats); use '//'
x = 7 / 2
