{
    'name': 'ACME: lead scoring',
    'version': '16.0.1.0.2',
'author': 'ACME IT',
    'license': 'LGPL-3',
    'depends': ['crm'],
    'data': ['views/views.xml'],
    'installable': True,
}
