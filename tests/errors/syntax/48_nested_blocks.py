# error: 22:21: too many statically nested blocks
for i in range(2):
 while True:
  for i in range(2):
   while True:
    for i in range(2):
     while True:
      for i in range(2):
       while True:
        for i in range(2):
         while True:
          for i in range(2):
           while True:
            for i in range(2):
             while True:
              for i in range(2):
               while True:
                for i in range(2):
                 while True:
                  for i in range(2):
                   while True:
                    for i in range(2):
                     pass
