{
    'name': 'ACME: delivery rules',
    'version': '16.0.1.0.0',
'author': 'ACME IT',
    'license': 'LGPL-3',
    'depends': ['website_sale_delivery', 'stock'],
    'data': ['views/views.xml'],
    'installable': True,
}
