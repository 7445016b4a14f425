{'name': 'ACME stock labels (old)', 'version': '8.0.1.0'}
