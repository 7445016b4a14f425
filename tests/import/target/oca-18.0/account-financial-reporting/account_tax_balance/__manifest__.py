{
    'name': 'account_tax_balance',
    'version': '18.0.1.0.0',
    'author': 'Odoo Community Association (OCA)',
    'depends': ['base'],
}
