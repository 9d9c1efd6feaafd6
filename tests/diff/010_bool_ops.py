# and/or return one of their operands and stop as soon as the answer is
# known (short-circuit); not always returns True or False.
def t(label, value):
    print('evaluated', label)
    return value
print(t('a', 0) and t('b', 1))
print(t('a', 2) and t('b', 3))
print(t('a', 0) or t('b', 4))
print(t('a', 5) or t('b', 6))
print(not 0, not 1, not [], not [0], not '', not 'x', not None)
print([] or 'default', 'x' and 'y', None or 0 or 'last')
x = 7
if x > 5 and x < 10 or x == 0:
    print('in range')
if not (x > 5 and x < 6):
    print('not narrow')
