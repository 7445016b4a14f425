{
    'name': 'ACME: purchase approval',
    'version': '16.0.1.2.0',
'author': 'ACME IT, Odoo Community Association (OCA)',
    'license': 'LGPL-3',
    'depends': ['purchase', 'acme_base'],
    'data': ['views/views.xml'],
    'installable': True,
}
