{
    'name': 'MIS Builder',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/mis-builder',
    'license': 'AGPL-3',
    'depends': ['account', 'board', 'report_xlsx'],
    'data': ['views/views.xml'],
    'installable': True,
}
