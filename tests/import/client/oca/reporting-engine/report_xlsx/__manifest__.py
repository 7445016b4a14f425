{
    'name': 'Base report xlsx',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/reporting-engine',
    'license': 'AGPL-3',
    'depends': ['base', 'web'],
    'data': ['views/views.xml'],
    'installable': True,
}
