{
    'name': 'ACME: accounting export',
    'version': '16.0.1.3.0',
'author': 'ACME IT',
    'license': 'LGPL-3',
    'depends': ['account', 'note'],
    'data': ['views/views.xml'],
    'installable': True,
}
