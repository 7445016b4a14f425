{'name': 'Etikettendrucker für Versand', 'version': '16.0.1.0.0', 'author': 'Shipping Works GmbH', 'depends': ['stock']}
