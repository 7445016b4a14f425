{
    'name': 'acme_base',
    'version': '18.0.1.0.0',
    'author': 'ACME IT',
    'depends': ['base'],
}
