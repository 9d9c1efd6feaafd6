# error: 2:17: invalid syntax. Perhaps you forgot a comma?
primes = [2, 3, 5
          7, 11]
