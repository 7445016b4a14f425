{
    'name': 'account_lock_date_update',
    'version': '18.0.1.0.0',
    'author': 'Odoo Community Association (OCA)',
    'depends': ['base'],
    'installable': False,
}
