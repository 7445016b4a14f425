{
    'name': 'Sale order revisions',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/sale-workflow',
    'license': 'AGPL-3',
    'depends': ['sale_management'],
    'data': ['views/views.xml'],
    'installable': True,
}
