{
    'name': 'Purchase Order Approved',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/purchase-workflow',
    'license': 'AGPL-3',
    'depends': ['purchase_stock'],
    'data': ['views/views.xml'],
    'installable': True,
}
