{
    'name': 'Account Move Number Sequence',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/account-financial-tools',
    'license': 'AGPL-3',
    'depends': ['account'],
    'data': ['views/views.xml'],
    'installable': True,
}
