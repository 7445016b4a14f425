# A manifest that would run code: Odoo's literal_eval refuses it too.
{
    'name': 'Translated name',
    'summary': _('Sales extras'),
    'depends': ['sale'],
}
