{
    'name': 'Dynamic dashboard',
    'version': '16.0.1.0.0',
'author': 'Cybrosys Techno Solutions',
'website': 'https://www.cybrosys.com',
    'license': 'AGPL-3',
    'depends': ['web', 'board'],
    'data': ['views/views.xml'],
    'installable': True,
}
