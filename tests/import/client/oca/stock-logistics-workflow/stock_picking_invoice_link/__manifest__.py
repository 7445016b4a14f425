{
    'name': 'Stock Picking Invoice Link',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/stock-logistics-workflow',
    'license': 'AGPL-3',
    'depends': ['sale_stock'],
    'data': ['views/views.xml'],
    'installable': True,
}
