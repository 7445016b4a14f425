{
    'name': 'DHL shipping connector',
    'version': '16.0.3.0.0',
'author': 'Shipping Works GmbH',
    'license': 'OPL-1',
    'depends': ['delivery', 'stock'],
    'data': ['views/views.xml'],
    'installable': True,
}
