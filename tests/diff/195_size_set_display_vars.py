# Set displays of variables add the items to a new set one by one: sizes
# and printed order after each kind of construction.
import sys
v0 = 0
v1 = 3
v2 = 6
v3 = 9
v4 = 12
v5 = 15
v6 = 18
v7 = 21
v8 = 24
v9 = 27
v10 = 30
v11 = 33
v12 = 36
v13 = 39
v14 = 42
v15 = 45
v16 = 48
v17 = 51
v18 = 54
v19 = 57
v20 = 60
v21 = 63
v22 = 66
v23 = 69
v24 = 72
v25 = 75
v26 = 78
v27 = 81
v28 = 84
v29 = 87
s = {v0, v1, v2, v3}
print(4, sys.getsizeof(s), len(s))
s = {v0, v1, v2, v3, v4}
print(5, sys.getsizeof(s), len(s))
s = {v0, v1, v2, v3, v4, v5, v6, v7, v8, v9}
print(10, sys.getsizeof(s), len(s))
s = {v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18}
print(19, sys.getsizeof(s), len(s))
s = {v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19}
print(20, sys.getsizeof(s), len(s))
s = {v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29}
print(30, sys.getsizeof(s), len(s))
print({v9, v1, v17, v3, v25, v0})
