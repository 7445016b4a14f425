{
    'name': 'Depends written as one string',
    'depends': 'sale, stock',
    'installable': 'yes',
}
