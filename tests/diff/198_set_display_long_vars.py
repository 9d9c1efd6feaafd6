# A set display of more than 30 non-constant items is built by adding
# them one by one to an empty set; the result is still a set.
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
v30 = 90
v31 = 93
v32 = 96
v33 = 99
v34 = 102
v35 = 105
v36 = 108
v37 = 111
v38 = 114
v39 = 117
s = {v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30}
print(31, type(s), len(s), sys.getsizeof(s))
s = {v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, v31, v32, v33, v34, v35, v36, v37, v38, v39}
print(40, type(s), len(s), sys.getsizeof(s))
print({v0, v1, v2, v3, v4, v5, v6, v7, v0, v1, v2, v3, v4, v5, v6, v7, v0, v1, v2, v3, v4, v5, v6, v7, v0, v1, v2, v3, v4, v5, v6, v7, v0})
