{
    'name': 'ACME: documents on the portal',
    'version': '16.0.1.0.0',
'author': 'ACME IT',
    'license': 'LGPL-3',
    'depends': ['portal', 'documents'],
    'data': ['views/views.xml'],
    'installable': True,
}
