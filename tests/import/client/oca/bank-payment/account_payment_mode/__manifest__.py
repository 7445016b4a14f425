{
    'name': 'Account Payment Mode',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/bank-payment',
    'license': 'AGPL-3',
    'depends': ['account'],
    'data': ['views/views.xml'],
    'installable': True,
}
