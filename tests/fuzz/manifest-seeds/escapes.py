{'description': """
Line\tone \x41\101\u00e9\U0001F600 \N{EM DASH}
""", 'raw': r'C:\new', 'bytes': b'abc' rb'\d', 'u': u'text', 'empty': (), 'one': (1,), 'none': None}
