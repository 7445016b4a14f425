{
    'name': 'ACME: invoice layout',
    'version': '1.0',
'author': 'ACME IT',
    'license': 'LGPL-3',
    'depends': ['account'],
    'data': ['views/views.xml'],
    'installable': True,
}
