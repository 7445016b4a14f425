{
    'name': 'ACME fax gateway',
    'version': '12.0.1.0.0',
    'author': 'ACME IT',
    'depends': ['mail'],
    'installable': False,
}
