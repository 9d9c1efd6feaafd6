# error: 2:1: match statements are not supported
match x:
    case 1:
        pass
