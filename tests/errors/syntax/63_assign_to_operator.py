# error: 3:1: cannot assign to expression here. Maybe you meant '==' instead of '='?
width = 3
width * 2 = 6
