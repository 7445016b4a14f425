{
    'name': 'Database cleanup',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/server-tools',
    'license': 'AGPL-3',
    'depends': ['base'],
    'data': ['views/views.xml'],
    'installable': True,
}
