"""Tools for staff: new records, the DUO importer, external link checks."""
