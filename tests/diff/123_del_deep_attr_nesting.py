# A cascade through an instance holding a dict holding a list of instances:
# owner first, then its attributes in order, then what they contain.
class Named:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free', self.name)
owner = Named('owner')
owner.index = {'first': [Named('f0'), Named('f1')], 'second': Named('s')}
owner.tail = Named('tail')
owner.pair = (Named('p0'), Named('p1'))
print('dropping owner')
owner = None
print('done')
