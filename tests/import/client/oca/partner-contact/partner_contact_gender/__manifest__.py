{
    'name': 'Contact gender',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/partner-contact',
    'license': 'AGPL-3',
    'depends': ['contacts'],
    'data': ['views/views.xml'],
    'installable': True,
}
