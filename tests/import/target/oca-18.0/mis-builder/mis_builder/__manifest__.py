{
    'name': 'mis_builder',
    'version': '17.0.1.0.2',
    'author': 'Odoo Community Association (OCA)',
    'depends': ['base'],
}
