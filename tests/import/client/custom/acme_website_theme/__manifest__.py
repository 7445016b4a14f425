{
    'name': 'ACME website theme',
    'version': '16.0.1.4.0',
    'author': 'ACME IT',
    'license': 'LGPL-3',
    'depends': ['website', 'website_sale'],
    'data': ['views/layout.xml',],
    'assets': {
        'web.assets_frontend': [
            ('include', 'web._assets_helpers'),
            'acme_website_theme/static/src/scss/*.scss',
            'acme_website_theme/static/src/js/**/*',
        ],
    },
    'description': """
ACME's website theme
====================
Colours, the header and the checkout \N{EM DASH} all in one place.
""",
}
