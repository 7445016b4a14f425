{
    'name': 'Web Dialog Size',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/web',
    'license': 'AGPL-3',
    'depends': ['web'],
    'data': ['views/views.xml'],
    'installable': True,
}
