{
    'name': 'ACME: routings',
    'version': '15.0.1.0.0',
'author': 'ACME IT',
    'license': 'LGPL-3',
    'depends': ['mrp'],
    'data': ['views/views.xml'],
    'installable': True,
}
