{
    'name': 'Sale report advanced',
    'version': '16.0.1.0.1',
'author': 'Cybrosys Techno Solutions',
    'license': 'OPL-1',
    'depends': ['sale'],
    'data': ['views/views.xml'],
    'installable': True,
}
