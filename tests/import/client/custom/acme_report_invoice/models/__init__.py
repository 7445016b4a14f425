from . import partner
