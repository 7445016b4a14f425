{
    'name': 'Account Payment Order',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/bank-payment',
    'license': 'AGPL-3',
    'depends': ['account', 'account_payment_mode'],
    'data': ['views/views.xml'],
    'installable': True,
}
