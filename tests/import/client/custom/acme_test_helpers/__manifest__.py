{
    'name': 'ACME: test helpers',
    'version': '16.0.1.0.0',
'author': 'ACME IT',
    'license': 'LGPL-3',
    'depends': ['base'],
    'data': ['views/views.xml'],
    'installable': True,
}
