{
    'name': 'stock_picking_invoice_link',
    'version': '18.0.1.0.0',
    'author': 'Odoo Community Association (OCA)',
    'depends': ['base'],
}
