{
    'name': 'Sale order line date',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/sale-workflow',
    'license': 'AGPL-3',
    'depends': ['sale_stock'],
    'data': ['views/views.xml'],
    'installable': True,
}
