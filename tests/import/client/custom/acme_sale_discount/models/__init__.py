from . import sale
