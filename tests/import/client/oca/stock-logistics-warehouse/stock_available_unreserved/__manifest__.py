{
    'name': 'Stock available unreserved',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/stock-logistics-warehouse',
    'license': 'AGPL-3',
    'depends': ['stock'],
    'data': ['views/views.xml'],
    'installable': True,
}
