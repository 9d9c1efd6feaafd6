# type() and isinstance() let a function treat each kind of value in its
# own way; len() measures strings and containers.
class Money:
    def __init__(self, cents):
        self.cents = cents
def describe(v):
    if v is True or v is False:
        return 'a truth value: ' + str(v)
    if type(v) is int:
        return 'int with ' + str(len(str(v))) + ' digits'
    if isinstance(v, str):
        return 'str of length ' + str(len(v))
    if isinstance(v, list) or isinstance(v, tuple):
        return str(type(v)) + ' of ' + str(len(v)) + ' items'
    if isinstance(v, dict):
        return 'dict with keys ' + str(list(v.keys()))
    if isinstance(v, Money):
        return 'money: ' + str(v.cents // 100) + ' and ' + str(v.cents % 100) + ' cents'
    return 'something else: ' + str(type(v))
for v in [True, 42, 2 ** 200, 'hi', [1, 2, 3], (4,), {'a': 1, 'b': 2}, Money(1234), None, set()]:
    print(describe(v))
