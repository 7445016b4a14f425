{
    'name': 'ACME: timesheet rules',
    'version': '16.0.1.0.0',
    'license': 'LGPL-3',
    'depends': ['hr_timesheet', 'project'],
    'data': ['views/views.xml'],
    'installable': True,
}
