# upper() and lower() use the full Unicode case tables: accented letters,
# Greek, special expansions (ß, ﬁ) and titlecase digraphs.
print('café'.upper(), 'NAÏVE'.lower(), 'Ωμέγα'.upper(), 'ΣΊΣΥΦΟΣ'.lower())
print('straße'.upper(), 'ﬁx'.upper(), 'ǅ'.lower(), 'ǅ'.upper(), 'İ'.lower() == 'i\u0307')
print('ÀÉÎÕÜ'.lower(), 'àéîõü'.upper(), 'ÿ'.upper(), 'µ'.upper())
print(len('ß'.upper()), len('İ'.lower()), 'ABC'.lower(), 'def'.upper())
