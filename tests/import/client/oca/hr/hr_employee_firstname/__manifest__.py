{
    'name': 'HR Employee First Name, Last Name',
    'version': '16.0.1.0.3',
'author': 'Odoo Community Association (OCA)',
'website': 'https://github.com/OCA/hr',
    'license': 'AGPL-3',
    'depends': ['hr'],
    'data': ['views/views.xml'],
    'installable': True,
}
