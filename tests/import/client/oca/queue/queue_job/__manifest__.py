{
    'name': 'Job Queue',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/queue',
    'license': 'AGPL-3',
    'depends': ['mail', 'base_sparse_field'],
    'data': ['views/views.xml'],
    'installable': True,
}
