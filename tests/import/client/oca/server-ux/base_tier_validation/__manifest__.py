{
    'name': 'Base Tier Validation',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/server-ux',
    'license': 'AGPL-3',
    'depends': ['mail'],
    'data': ['views/views.xml'],
    'installable': True,
}
