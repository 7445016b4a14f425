{'name': 'ACME stock labels', 'version': '16.0.1.1.0', 'author': 'ACME IT',
 'license': 'LGPL-3', 'depends': ['stock', 'product'], 'data': ['views/label.xml']}
