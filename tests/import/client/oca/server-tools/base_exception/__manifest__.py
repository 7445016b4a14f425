{
    'name': 'Exception Rule',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/server-tools',
    'license': 'AGPL-3',
    'depends': ['base_setup'],
    'data': ['views/views.xml'],
    'installable': True,
}
