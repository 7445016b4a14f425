# -*- encoding: utf-8 -*-
##############################################################################
#    ACME base customisations, written for OpenERP 8 and ported since.
##############################################################################
{
    'name' : u'ACME base',
    'version' : '16.0.1.0.0',
    'depends' : ['base', 'contacts'],
    'data' : [],
    'auto_install' : False,
}
