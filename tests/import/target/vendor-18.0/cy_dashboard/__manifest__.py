{
    'name': 'cy_dashboard',
    'version': '18.0.1.0.0',
    'author': 'Cybrosys Techno Solutions',
    'depends': ['base'],
}
