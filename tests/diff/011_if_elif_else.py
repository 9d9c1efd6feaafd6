# if/elif/else picks the first true branch; values such as 0, '', [] and
# None count as false.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in [-3, 0, 4, 99]:
    print(n, classify(n))
for v in [0, 1, '', 'a', [], [0], {}, None]:
    if v:
        print(v, 'is true')
    else:
        print(v, 'is false')
if 1:
    pass
print('done')
